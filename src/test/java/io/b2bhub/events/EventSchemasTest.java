package io.b2bhub.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.b2bhub.platform.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventSchemasTest {
  private final EventSchemas schemas = new EventSchemas();

  private static JsonObject orderCreated(JsonObject data) {
    return Json.createObjectBuilder()
        .add("specversion", "1.0")
        .add("id", "evt-1")
        .add("type", "order.created.v1")
        .add("source", "/webshop")
        .add("time", "2026-11-21T10:00:00Z")
        .add("datacontenttype", "application/json")
        .add("tenantid", "shop-eu")
        .add("data", data)
        .build();
  }

  private static JsonObject validOrder() {
    return Json.createObjectBuilder()
        .add("orderId", "o-1")
        .add("version", 1)
        .add("customerRef", "c-1")
        .add("currency", "EUR")
        .add(
            "lines",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("sku", "SKU-1")
                        .add("quantity", 2)
                        .add("unitPriceMinor", 1250)
                        .add("lineTotalMinor", 2500)))
        .add(
            "totals",
            Json.createObjectBuilder()
                .add("netMinor", 2500)
                .add("taxMinor", 475)
                .add("grossMinor", 2975))
        .build();
  }

  @Test
  void everyTypeOfTheCatalogueHasItsSchemaInDocsAndNoSchemaIsWithoutAType() throws IOException {
    Set<String> documented;
    try (Stream<Path> files = Files.list(Path.of("docs/events"))) {
      documented =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".schema.json"))
              .map(n -> n.substring(0, n.length() - ".schema.json".length()))
              .collect(Collectors.toSet());
    }
    Set<String> expected =
        Stream.concat(
                Stream.of("envelope"), Arrays.stream(EventType.values()).map(EventType::typeName))
            .collect(Collectors.toSet());
    assertEquals(expected, documented);
  }

  @Test
  void aValidOrderCreatedEventHasNoProblems() {
    assertEquals(List.of(), schemas.problems(orderCreated(validOrder())));
  }

  @Test
  void problemsPointIntoThePayload() {
    JsonObject bad =
        Json.createObjectBuilder(validOrder()).add("currency", "euro").remove("totals").build();
    List<String> pointers =
        schemas.problems(orderCreated(bad)).stream().map(Problem.FieldError::pointer).toList();
    assertTrue(pointers.contains("/data/currency"), pointers.toString());
    assertTrue(pointers.contains("/data"), "missing totals is reported on data: " + pointers);
  }

  @Test
  void envelopeProblemsComeFirstAndTimeMustBeATimestamp() {
    JsonObject event =
        Json.createObjectBuilder(orderCreated(validOrder())).add("time", "yesterday").build();
    assertEquals(
        List.of("/time"),
        schemas.problems(event).stream().map(Problem.FieldError::pointer).toList());
  }

  @Test
  void anUnknownTypeIsNamedAsSuch() {
    JsonObject event =
        Json.createObjectBuilder(orderCreated(validOrder()))
            .add("type", "order.deleted.v1")
            .build();
    assertEquals(
        List.of("/type"),
        schemas.problems(event).stream().map(Problem.FieldError::pointer).toList());
  }

  @Test
  void whatTheHubEmitsMatchesTheSchemaItPublishes() {
    JsonObject data =
        Json.createObjectBuilder()
            .add("orderId", "o-1")
            .add("version", 1)
            .add("externalId", "ERP-O-1")
            .add("syncStatus", "SYNCED")
            .build();
    EventEnvelope emitted =
        EventEnvelope.emitted(EventType.ERP_ORDER_SYNCED, "shop-eu", "corr-1", data, Instant.now());
    assertEquals(List.of(), schemas.problems(emitted.toJson()));
    assertEquals("shop-eu:o-1", emitted.aggregateKey());
  }
}
