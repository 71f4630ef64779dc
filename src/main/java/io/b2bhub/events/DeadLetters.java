package io.b2bhub.events;

import io.b2bhub.platform.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Where a consumer puts a message it gave up on: a durable, queryable row with the payload,
 * headers, error, attempts and the scope keys operators replay by, plus an alert.
 */
@ApplicationScoped
public class DeadLetters {
  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  /** Why a message is here. */
  public enum Reason {
    /** Every attempt failed temporarily. */
    EXHAUSTED,
    /** The event can never succeed (refused data). */
    REJECTED,
    /** Unreadable, or the same id with another payload. */
    POISON
  }

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject Alerts alerts;
  @Inject Event<DeadLettered> deadLettered;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void add(FailedMessage failed, Reason reason, String error) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.createNativeQuery(
            "INSERT INTO dead_letter (id, event_id, event_type, consumer, tenant_id, partner_id,"
                + " order_id, customer_id, correlation_id, payload, headers, reason, error,"
                + " attempts, first_failure_at, last_failure_at, state) VALUES"
                + " (nextval('dead_letter_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'NEW')")
        .setParameter(1, failed.eventId())
        .setParameter(2, failed.eventType())
        .setParameter(3, failed.consumer())
        .setParameter(4, failed.tenantId())
        .setParameter(5, failed.partnerId())
        .setParameter(6, failed.orderId())
        .setParameter(7, failed.customerId())
        .setParameter(8, failed.correlationId())
        .setParameter(9, failed.payload())
        .setParameter(10, failed.headers())
        .setParameter(11, reason.name())
        .setParameter(12, truncate(error, 1000))
        .setParameter(13, failed.attempts())
        .setParameter(14, failed.firstFailureAt() == null ? now : failed.firstFailureAt())
        .setParameter(15, now)
        .executeUpdate();
    alerts.raise(
        "DEAD_LETTER",
        failed.consumer(),
        failed.eventType()
            + " "
            + failed.eventId()
            + " for "
            + failed.consumer()
            + ": "
            + reason
            + " after "
            + failed.attempts()
            + " attempt(s)");
    deadLettered.fire(
        new DeadLettered(
            failed.eventId(),
            failed.partnerId(),
            failed.requestId(),
            reason,
            truncate(error, 500)));
    LOG.warning(
        () ->
            "Dead letter: "
                + failed.eventType()
                + " "
                + failed.eventId()
                + " ("
                + reason
                + ", "
                + failed.attempts()
                + " attempt(s))");
  }

  /** Newest first; {@code tenantId} null for every tenant. No payloads: operators replay them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeadLetterView> list(String tenantId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, event_id, event_type, consumer, tenant_id, order_id, customer_id,"
                    + " correlation_id, reason, error, attempts, last_failure_at, state"
                    + " FROM dead_letter WHERE (CAST(? AS VARCHAR(64)) IS NULL OR tenant_id = ?)"
                    + " ORDER BY id DESC")
            .setParameter(1, tenantId)
            .setParameter(2, tenantId)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream().map(r -> DeadLetterView.of((Object[]) r)).toList();
  }

  private static String truncate(String text, int max) {
    String value = text == null ? "" : text;
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** A message on its way to the dead letters, with its scope keys. */
  public record FailedMessage(
      String eventId,
      String eventType,
      String consumer,
      String tenantId,
      String partnerId,
      String orderId,
      String customerId,
      String correlationId,
      String payload,
      String headers,
      int attempts,
      OffsetDateTime firstFailureAt,
      String requestId) {}

  /**
   * Fired in the dead letter's transaction, so capabilities can settle what the event carried (a
   * queued sync request becomes FAILED).
   */
  public record DeadLettered(
      String eventId, String partnerId, String requestId, Reason reason, String error) {}

  /** What operators see of a dead letter. */
  public record DeadLetterView(
      long id,
      String eventId,
      String type,
      String consumer,
      String tenantId,
      String orderId,
      String customerId,
      String correlationId,
      String reason,
      String error,
      int attempts,
      String lastFailureAt,
      String state) {
    static DeadLetterView of(Object[] r) {
      return new DeadLetterView(
          ((Number) r[0]).longValue(),
          (String) r[1],
          (String) r[2],
          (String) r[3],
          (String) r[4],
          (String) r[5],
          (String) r[6],
          (String) r[7],
          (String) r[8],
          (String) r[9],
          ((Number) r[10]).intValue(),
          String.valueOf(r[11]),
          (String) r[12]);
    }
  }
}
