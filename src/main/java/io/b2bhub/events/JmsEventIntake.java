package io.b2bhub.events;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.CorrelationIds;
import io.b2bhub.platform.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes one message from the webshop's intake queue: a valid v1 envelope of a webshop type is
 * accepted into the outbox for the configured partner (an id seen before is not stored again);
 * anything else is refused into the dead letters with the reason, and audited. Nothing is dropped.
 */
@ApplicationScoped
public class JmsEventIntake {
  static final String CONSUMER = "webshop.jms-intake";
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EventSchemas schemas;
  @Inject EventIngest ingest;
  @Inject DeadLetters deadLetters;
  @Inject EventMetrics metrics;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The partner whose events arrive on the intake queue (its messaging user alone may send). */
  @Inject
  @ConfigProperty(name = "b2bhub.events.jms-intake.partner-id", defaultValue = "")
  String partnerId;

  void take(Message message) {
    String body = text(message);
    String correlation =
        Optional.ofNullable(property(message, JmsEventSender.CORRELATION_ID))
            .filter(CorrelationIds::isWellFormed)
            .orElse(null);
    try (CorrelationContext.Scope ignored =
        correlation != null
            ? CorrelationContext.bind(correlation)
            : CorrelationContext.bindNew("jms-intake")) {
      long started = System.nanoTime();
      JsonObject json;
      try (var reader = JSON.createReader(new StringReader(body))) {
        json = reader.readObject();
      } catch (JsonException | IllegalStateException e) {
        refuse(body, null, "Not a JSON object", started);
        return;
      }
      List<Problem.FieldError> problems = schemas.problems(json);
      if (!problems.isEmpty()) {
        refuse(body, json, "Not a valid v1 event: " + problems, started);
        return;
      }
      if (json.containsKey(EventEnvelope.REQUEST_ID)) {
        refuse(body, json, EventEnvelope.REQUEST_ID + " is set by the hub only", started);
        return;
      }
      if (partnerId.isBlank()) {
        refuse(body, json, "No partner is configured for the JMS intake", started);
        return;
      }
      EventEnvelope event = EventEnvelope.of(json, CorrelationContext.current());
      if (event.type().publisher() != EventType.Publisher.WEBSHOP) {
        refuse(body, json, "Only the hub publishes " + event.type().typeName(), started);
        return;
      }
      boolean duplicate = ingest.accept(partnerId, List.of(event)).events().get(0).duplicate();
      if (duplicate) {
        metrics.duplicate(CONSUMER);
      }
      audit(202, null, started);
    }
  }

  private void refuse(String body, JsonObject json, String why, long started) {
    deadLetters.add(
        new DeadLetters.FailedMessage(
            json == null ? "unknown" : json.getString("id", "unknown"),
            json == null ? "unknown" : json.getString("type", "unknown"),
            CONSUMER,
            json == null ? null : json.getString("tenantid", null),
            partnerId.isBlank() ? null : partnerId,
            null,
            null,
            CorrelationContext.current(),
            body,
            "{}",
            1,
            OffsetDateTime.now(clock),
            null),
        DeadLetters.Reason.POISON,
        why);
    metrics.deadLettered(CONSUMER);
    audit(400, "VALIDATION_FAILED", started);
  }

  private void audit(int status, String errorCode, long started) {
    audit.record(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.INBOUND,
            partnerId.isBlank() ? null : partnerId,
            "jms",
            "JMS b2bhub.webshop.intake",
            AuditRecord.Outcome.ofStatus(status),
            status,
            errorCode,
            CorrelationContext.current(),
            (System.nanoTime() - started) / 1_000_000));
  }

  private static String text(Message message) {
    try {
      String text = message instanceof TextMessage t ? t.getText() : null;
      return text == null ? "" : text;
    } catch (JMSException e) {
      return "";
    }
  }

  private static String property(Message message, String name) {
    try {
      return message.getStringProperty(name);
    } catch (JMSException e) {
      return null;
    }
  }
}
