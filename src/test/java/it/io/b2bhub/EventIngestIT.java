package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webshop hands events to the hub over HTTP; the outbox relay moves them to JMS. */
@ExtendWith(ArquillianExtension.class)
class EventIngestIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String token;
  String tenant;

  @BeforeEach
  void webshopThatPublishesEvents() {
    hub = new Hub(url);
    Hub.RegisteredPartner webshop = hub.register(List.of("events:write"));
    token = hub.token(webshop, "events:write");
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String orderCreated(String eventId, String orderId, String currency) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + eventId
        + "\",\"type\":\"order.created.v1\",\"source\":\"/webshop\","
        + "\"time\":\"2026-11-21T10:00:00Z\",\"datacontenttype\":\"application/json\","
        + "\"tenantid\":\""
        + tenant
        + "\",\"data\":{\"orderId\":\""
        + orderId
        + "\",\"version\":1,\"customerRef\":\"c-1\",\"currency\":\""
        + currency
        + "\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceMinor\":999,"
        + "\"lineTotalMinor\":999}],\"totals\":{\"netMinor\":999,\"taxMinor\":190,"
        + "\"grossMinor\":1189}}}";
  }

  private io.restassured.response.Response post(String body) {
    return hub.partner(token).contentType(ContentType.JSON).body(body).post("/api/v1/events");
  }

  @Test
  void anAcceptedEventIsInTheOutboxAndTheRelayHandsItToJms() {
    String eventId = "evt-" + UUID.randomUUID();
    post(orderCreated(eventId, "o-1", "EUR"))
        .then()
        .statusCode(202)
        .body("events[0].id", equalTo(eventId))
        .body("events[0].duplicate", equalTo(false));

    Map<String, Object> relayed =
        Deadline.await(
            Duration.ofSeconds(30),
            "the relay marks the event sent once the messaging engine has it",
            () -> {
              JsonPath outbox =
                  hub.admin()
                      .queryParam("limit", 500)
                      .get("/api/v1/admin/events/outbox")
                      .jsonPath();
              Map<String, Object> row = outbox.getMap("find { it.eventId == '" + eventId + "' }");
              return row != null && row.get("sentAt") != null ? row : null;
            });
    assertEquals("b2bhub.hub.events", relayed.get("destination"));
    assertEquals("order.created.v1", relayed.get("type"));
  }

  @Test
  void theSameEventHandedInTwiceIsStoredOnce() {
    String eventId = "evt-" + UUID.randomUUID();
    post(orderCreated(eventId, "o-1", "EUR")).then().statusCode(202);
    post(orderCreated(eventId, "o-1", "EUR"))
        .then()
        .statusCode(202)
        .body("events[0].duplicate", equalTo(true));
    List<Object> rows =
        hub.admin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/events/outbox")
            .jsonPath()
            .getList("findAll { it.eventId == '" + eventId + "' }");
    assertEquals(1, rows.size());
  }

  @Test
  void aBatchWithOneBadEventIsRefusedWholeWithAPointerIntoTheBadOne() {
    String good = "evt-" + UUID.randomUUID();
    post("[" + orderCreated(good, "o-1", "EUR") + "," + orderCreated("evt-b", "o 2", "euro") + "]")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.pointer", hasItems("/1/data/orderId", "/1/data/currency"));
    hub.admin()
        .queryParam("limit", 500)
        .get("/api/v1/admin/events/outbox")
        .then()
        .body("eventId", org.hamcrest.Matchers.not(hasItem(good)));
  }

  @Test
  void partnersCannotPublishTheHubsOwnEventTypes() {
    post("{\"specversion\":\"1.0\",\"id\":\"evt-x\",\"type\":\"erp.order.synced.v1\","
            + "\"source\":\"/webshop\",\"time\":\"2026-11-21T10:00:00Z\","
            + "\"datacontenttype\":\"application/json\",\"tenantid\":\""
            + tenant
            + "\",\"data\":{\"orderId\":\"o-1\",\"version\":1,\"externalId\":\"ERP-O-1\","
            + "\"syncStatus\":\"SYNCED\"}}")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/type"));
  }

  @Test
  void ingestNeedsTheEventsScope() {
    Hub.RegisteredPartner reader = hub.register(List.of("orders:read"));
    hub.partner(hub.token(reader, "orders:read"))
        .contentType(ContentType.JSON)
        .body(orderCreated("evt-1", "o-1", "EUR"))
        .post("/api/v1/events")
        .then()
        .statusCode(403)
        .body("code", equalTo("INSUFFICIENT_SCOPE"));
  }
}
