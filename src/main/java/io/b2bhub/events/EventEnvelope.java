package io.b2bhub.events;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as it travels: CloudEvents 1.0 attributes, the tenant and the correlation id, and the
 * payload in {@code data}. The same JSON on the HTTP ingest, in the outbox and on the JMS queues.
 */
public record EventEnvelope(
    String id,
    EventType type,
    String source,
    Instant time,
    String tenantId,
    String correlationId,
    JsonObject data,
    String requestId) {
  public static final String SPEC_VERSION = "1.0";
  public static final String HUB_SOURCE = "/b2bhub";

  /**
   * Extension attribute set by the hub only: the queued sync request (brownout) this event carries
   * to the ERP, so its consumer can complete it.
   */
  public static final String REQUEST_ID = "b2bhubrequestid";

  private static final JsonProvider JSON = JsonProvider.provider();

  /** A new event emitted by the hub itself. */
  public static EventEnvelope emitted(
      EventType type, String tenantId, String correlationId, JsonObject data, Instant now) {
    return new EventEnvelope(
        UUID.randomUUID().toString(), type, HUB_SOURCE, now, tenantId, correlationId, data, null);
  }

  /**
   * A webshop event the hub writes itself, for a sync request it accepted while the ERP was down.
   */
  public static EventEnvelope forQueuedRequest(
      EventType type,
      String requestId,
      String tenantId,
      String correlationId,
      JsonObject data,
      Instant now) {
    return new EventEnvelope(
        "queued-" + requestId,
        type,
        HUB_SOURCE + "/brownout",
        now,
        tenantId,
        correlationId,
        data,
        requestId);
  }

  /** Reads an envelope that {@link EventSchemas} has already checked. */
  public static EventEnvelope of(JsonObject json, String fallbackCorrelationId) {
    return new EventEnvelope(
        json.getString("id"),
        EventType.byName(json.getString("type")).orElseThrow(),
        json.getString("source"),
        Instant.parse(json.getString("time")),
        json.getString("tenantid"),
        json.getString("correlationid", fallbackCorrelationId),
        json.getJsonObject("data"),
        json.getString(REQUEST_ID, null));
  }

  /** Events of one aggregate (tenant + order, customer, article) leave in the order written. */
  public String aggregateKey() {
    return tenantId + ":" + data.getString(type.aggregateField(), "");
  }

  public JsonObject toJson() {
    var json = JSON.createObjectBuilder();
    if (requestId != null) {
      json.add(REQUEST_ID, requestId);
    }
    return json.add("specversion", SPEC_VERSION)
        .add("id", id)
        .add("type", type.typeName())
        .add("source", source)
        .add("time", time.toString())
        .add("datacontenttype", "application/json")
        .add("tenantid", tenantId)
        .add("correlationid", correlationId)
        .add("data", data)
        .build();
  }
}
