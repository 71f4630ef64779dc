package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.platform.CorrelationContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;

/**
 * Turns a sync request queued during a brownout into the webshop event that carries the same work
 * (customer upsert, order created, order status changed), so it drains through the consumers.
 */
final class QueuedRequestEvents {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final JsonProvider JSON = JsonProvider.provider();

  private QueuedRequestEvents() {}

  static EventEnvelope of(String requestId, String idempotencyKey, Object request, Clock clock) {
    JsonObject body = asJson(request);
    String tenantId = body.getString("tenantId");
    var data = JSON.createObjectBuilder(body).remove("schemaVersion").remove("tenantId");
    EventType type;
    if (request instanceof CustomerUpsert) {
      type = EventType.CUSTOMER_UPSERT_REQUESTED;
      data.add("changedFields", JSON.createArrayBuilder());
    } else if (request instanceof OrderCreate) {
      type = EventType.ORDER_CREATED;
    } else if (request instanceof OrderStatusChange) {
      type = EventType.ORDER_STATUS_CHANGED;
      // order-status:{tenantId}:{orderId}:{status}:{version}
      data.add("orderId", idempotencyKey.split(":", -1)[2])
          .add("changedAt", clock.instant().toString());
    } else {
      throw new IllegalArgumentException("No event for " + request.getClass().getSimpleName());
    }
    return EventEnvelope.forQueuedRequest(
        type, requestId, tenantId, CorrelationContext.current(), data.build(), clock.instant());
  }

  private static JsonObject asJson(Object request) {
    try (JsonReader reader = JSON.createReader(new StringReader(JSONB.toJson(request)))) {
      return reader.readObject();
    }
  }
}
