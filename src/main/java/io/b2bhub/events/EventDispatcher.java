package io.b2bhub.events;

import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.DataConflicts;
import io.b2bhub.platform.Hashes;
import io.b2bhub.platform.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the hub's JMS consumer does with a message: checks it, skips what the handler's inbox has
 * already seen, runs the handler, and on failure schedules the next attempt as a delayed message
 * (no consumer thread sleeps) or, after the last attempt or for a refused event, puts it in the
 * dead letters.
 */
@ApplicationScoped
public class EventDispatcher {
  private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String CONSUMER_UNKNOWN = "hub";

  @Inject Instance<EventHandler> handlerBeans;
  @Inject EventSchemas schemas;
  @Inject Inbox inbox;
  @Inject DeadLetters deadLetters;
  @Inject JmsEventSender sender;
  @Inject EventConsumerPolicies policies;
  @Inject EventMetrics metrics;
  @Inject Clock clock;

  private final Map<EventType, EventHandler> handlers = new EnumMap<>(EventType.class);

  @PostConstruct
  void knowHandlers() {
    handlerBeans.forEach(h -> handlers.put(h.type(), h));
  }

  public void dispatch(Message message) {
    Delivery delivery = Delivery.of(message);
    try (CorrelationContext.Scope ignored =
        delivery.correlationId() != null
            ? CorrelationContext.bind(delivery.correlationId())
            : CorrelationContext.bindNew("event")) {
      JsonObject json;
      try (var reader = JSON.createReader(new StringReader(delivery.body()))) {
        json = reader.readObject();
      } catch (JsonException | IllegalStateException e) {
        poison(delivery, null, CONSUMER_UNKNOWN, "Not a JSON object");
        return;
      }
      var problems = schemas.problems(json);
      if (!problems.isEmpty()) {
        poison(delivery, null, CONSUMER_UNKNOWN, "Not a valid v1 event: " + problems);
        return;
      }
      EventEnvelope envelope = EventEnvelope.of(json, delivery.correlationId());
      EventHandler handler = handlers.get(envelope.type());
      if (handler == null) {
        LOG.fine(() -> "No consumer for " + envelope.type().typeName() + "; acknowledged");
        return;
      }
      handle(delivery, envelope, handler);
    }
  }

  private void handle(Delivery delivery, EventEnvelope envelope, EventHandler handler) {
    String hash = Hashes.sha256Hex(envelope.data().toString());
    String consumer = handler.consumer();
    var seen = inbox.processed(consumer, envelope.id());
    if (seen.isPresent()) {
      if (seen.get().equals(hash)) {
        metrics.duplicate(consumer);
      } else {
        poison(delivery, envelope, consumer, "Event id seen before with another payload");
      }
      return;
    }
    ReceivedEvent received =
        new ReceivedEvent(envelope, delivery.partnerId(), delivery.attempt(), hash);
    try {
      handler.handle(received);
      metrics.handled(consumer, delivery.attempt(), envelope.time());
    } catch (EventRejectedException e) {
      metrics.failed(consumer);
      deadLetters.add(
          failed(delivery, envelope, consumer), DeadLetters.Reason.REJECTED, e.getMessage());
      metrics.deadLettered(consumer);
    } catch (RuntimeException e) {
      if (DataConflicts.asProblem(e, null).isPresent()
          && inbox.processed(consumer, envelope.id()).isPresent()) {
        metrics.duplicate(consumer);
        return;
      }
      metrics.failed(consumer);
      retryOrGiveUp(delivery, envelope, consumer, e);
    }
  }

  private void retryOrGiveUp(
      Delivery delivery, EventEnvelope envelope, String consumer, RuntimeException failure) {
    RetryPolicy policy = policies.forConsumer(consumer);
    if (policy.allowsAnotherAttempt(delivery.attempt())) {
      Duration delay = policy.delayAfter(delivery.attempt(), null, ThreadLocalRandom.current());
      LOG.log(
          Level.INFO,
          "Attempt {0} of {1} for {2} failed ({3}); next in {4} ms",
          new Object[] {
            delivery.attempt(),
            envelope.id(),
            consumer,
            failure.getClass().getSimpleName(),
            delay.toMillis()
          });
      sender.redeliver(
          delivery.withNextAttempt(firstFailure(delivery)), EventDestination.HUB, delay);
      metrics.retried(consumer);
      return;
    }
    deadLetters.add(
        failed(delivery, envelope, consumer),
        DeadLetters.Reason.EXHAUSTED,
        failure.getClass().getSimpleName() + ": " + failure.getMessage());
    metrics.deadLettered(consumer);
  }

  private OffsetDateTime firstFailure(Delivery delivery) {
    return delivery.firstFailureAt() != null
        ? delivery.firstFailureAt()
        : OffsetDateTime.now(clock);
  }

  private void poison(Delivery delivery, EventEnvelope envelope, String consumer, String why) {
    deadLetters.add(failed(delivery, envelope, consumer), DeadLetters.Reason.POISON, why);
    metrics.deadLettered(consumer);
  }

  private static DeadLetters.FailedMessage failed(
      Delivery delivery, EventEnvelope envelope, String consumer) {
    JsonObject data = envelope == null ? null : envelope.data();
    return new DeadLetters.FailedMessage(
        envelope == null ? delivery.eventIdOr("unknown") : envelope.id(),
        envelope == null ? delivery.typeOr("unknown") : envelope.type().typeName(),
        consumer,
        envelope == null ? delivery.tenantId() : envelope.tenantId(),
        delivery.partnerId(),
        data == null ? null : data.getString("orderId", null),
        data == null ? null : data.getString("customerId", null),
        CorrelationContext.current(),
        delivery.body(),
        delivery.headersJson(),
        delivery.attempt(),
        delivery.firstFailureAt(),
        envelope == null ? null : envelope.requestId());
  }

  /** A JMS message's body and the hub's properties on it. */
  record Delivery(
      String body,
      String eventType,
      String tenantId,
      String partnerId,
      String correlationId,
      int attempt,
      OffsetDateTime firstFailureAt) {
    static Delivery of(Message message) {
      try {
        String body = message instanceof TextMessage text ? text.getText() : "";
        return new Delivery(
            body == null ? "" : body,
            message.getStringProperty(JmsEventSender.TYPE),
            message.getStringProperty(JmsEventSender.TENANT),
            message.getStringProperty(JmsEventSender.PARTNER),
            message.getStringProperty(JmsEventSender.CORRELATION_ID),
            message.propertyExists(JmsEventSender.ATTEMPT)
                ? message.getIntProperty(JmsEventSender.ATTEMPT)
                : 1,
            message.propertyExists(JmsEventSender.FIRST_FAILURE)
                ? OffsetDateTime.parse(message.getStringProperty(JmsEventSender.FIRST_FAILURE))
                : null);
      } catch (JMSException e) {
        throw new IllegalStateException("Unreadable JMS message", e);
      }
    }

    Delivery withNextAttempt(OffsetDateTime firstFailure) {
      return new Delivery(
          body, eventType, tenantId, partnerId, correlationId, attempt + 1, firstFailure);
    }

    String eventIdOr(String fallback) {
      return fallback;
    }

    String typeOr(String fallback) {
      return eventType != null ? eventType : fallback;
    }

    String headersJson() {
      var headers = JSON.createObjectBuilder().add("attempt", attempt);
      if (eventType != null) {
        headers.add(JmsEventSender.TYPE, eventType);
      }
      if (tenantId != null) {
        headers.add(JmsEventSender.TENANT, tenantId);
      }
      if (partnerId != null) {
        headers.add(JmsEventSender.PARTNER, partnerId);
      }
      return headers.build().toString();
    }
  }
}
