package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventHandler;
import io.b2bhub.events.EventRejectedException;
import io.b2bhub.events.ReceivedEvent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;

/**
 * Pushes one of the hub's ERP events to the webshop's contract endpoint, with the contract's
 * idempotency key. A 2xx is recorded with the inbox entry in one transaction; an unreachable,
 * failing or overloaded webshop fails the attempt (retried later, with backoff); any other answer
 * is a refusal, which goes to the dead letters. A push repeated after a crash carries the same key
 * and body, so the webshop answers it without a second effect.
 */
abstract class WebshopPushHandler implements EventHandler {
  static final JsonProvider JSON = JsonProvider.provider();

  @Inject WebshopCalls calls;
  @Inject WebshopPushLedger ledger;

  @Override
  public final void handle(ReceivedEvent event) {
    WebshopPush push = toPush(event.envelope());
    int status = calls.push(push);
    if (status < 200 || status >= 300) {
      throw new EventRejectedException(
          "The webshop refused " + push.idempotencyKey() + " with " + status);
    }
    ledger.pushed(consumer(), event, push, status);
  }

  abstract WebshopPush toPush(EventEnvelope event);

  /** The body every push starts with: whose it is and which event it comes from. */
  static JsonObjectBuilder body(EventEnvelope event) {
    return JSON.createObjectBuilder()
        .add("tenantId", event.tenantId())
        .add("eventId", event.id())
        .add("occurredAt", event.time().toString());
  }

  static byte[] bytes(JsonObject json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
