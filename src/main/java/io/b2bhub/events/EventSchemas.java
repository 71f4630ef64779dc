package io.b2bhub.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.b2bhub.platform.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks events against the JSON Schemas published in {@code docs/events/} (packaged under {@code
 * events/}): the envelope first, then the payload against its type's schema. Used on the way in
 * (ingest) and on the way out (before the outbox accepts an event the hub emits).
 */
@ApplicationScoped
public class EventSchemas {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonSchema envelope;
  private final Map<EventType, JsonSchema> payloads = new EnumMap<>(EventType.class);

  public EventSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    envelope = factory.getSchema(read("envelope"), config);
    for (EventType type : EventType.values()) {
      payloads.put(type, factory.getSchema(read(type.typeName()), config));
    }
  }

  /** Every problem with the event, as JSON Pointers into it; empty when it is valid. */
  public List<Problem.FieldError> problems(JsonObject event) {
    return problems(event, event.toString());
  }

  /** The same, for an event the caller has already serialized ({@code text}). */
  public List<Problem.FieldError> problems(JsonObject event, String text) {
    JsonNode node = toNode(text);
    List<Problem.FieldError> problems = new ArrayList<>(errors(envelope, node, ""));
    if (!problems.isEmpty()) {
      return problems;
    }
    Optional<EventType> type = EventType.byName(event.getString("type"));
    if (type.isEmpty()) {
      return List.of(new Problem.FieldError("/type", "is not an event type of the v1 catalogue"));
    }
    return errors(payloads.get(type.get()), node.get("data"), "/data");
  }

  private static List<Problem.FieldError> errors(JsonSchema schema, JsonNode node, String prefix) {
    return schema.validate(node).stream()
        .sorted(Comparator.comparing(ValidationMessage::getMessage))
        .map(m -> new Problem.FieldError(prefix + m.getInstanceLocation(), reason(m)))
        .toList();
  }

  /** The library's message starts with the location, which the pointer already carries. */
  private static String reason(ValidationMessage message) {
    String text = message.getMessage();
    String location = message.getInstanceLocation().toString() + ": ";
    return text.startsWith(location) ? text.substring(location.length()) : text;
  }

  private static JsonNode toNode(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON", e);
    }
  }

  private static String read(String name) {
    String path = "/events/" + name + ".schema.json";
    try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing event schema " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
