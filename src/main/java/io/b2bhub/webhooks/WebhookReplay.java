package io.b2bhub.webhooks;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator replay of deliveries (dead letters, refused, skipped, or already delivered) by event
 * ids, subscription and/or the event's time range: each matching event is delivered again to its
 * subscription under its original event id, so receivers deduplicate; every replay is audited.
 */
@ApplicationScoped
public class WebhookReplay {
  private static final int MAX = 10_000;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What to replay; criteria combine with AND, at least one is required. */
  public record Scope(
      List<String> eventIds, String subscriptionId, Instant since, Instant until, Boolean dryRun) {}

  /** The replayed (or, in a dry run, replayable) deliveries. */
  public record Result(boolean dryRun, List<WebhookDelivery.DeliveryView> replayed) {}

  @Transactional
  public Result replay(Scope scope, String operator) {
    boolean byIds = scope.eventIds() != null && !scope.eventIds().isEmpty();
    if (!byIds
        && scope.subscriptionId() == null
        && scope.since() == null
        && scope.until() == null) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "Name event ids, a subscription or a time range: an empty scope replays nothing.");
    }
    StringBuilder jpql =
        new StringBuilder(
            "SELECT d FROM WebhookDelivery d WHERE d.state <> :pending AND d.state <> :inFlight");
    if (byIds) {
      jpql.append(" AND d.eventId IN :eventIds");
    }
    if (scope.subscriptionId() != null) {
      jpql.append(" AND d.subscriptionId = :subscriptionId");
    }
    if (scope.since() != null) {
      jpql.append(" AND d.eventTime >= :since");
    }
    if (scope.until() != null) {
      jpql.append(" AND d.eventTime < :until");
    }
    TypedQuery<WebhookDelivery> query =
        em.createQuery(jpql.append(" ORDER BY d.id").toString(), WebhookDelivery.class)
            .setParameter("pending", WebhookDelivery.State.PENDING)
            .setParameter("inFlight", WebhookDelivery.State.IN_FLIGHT)
            .setMaxResults(MAX);
    if (byIds) {
      query.setParameter("eventIds", scope.eventIds());
    }
    if (scope.subscriptionId() != null) {
      query.setParameter("subscriptionId", scope.subscriptionId());
    }
    if (scope.since() != null) {
      query.setParameter("since", OffsetDateTime.ofInstant(scope.since(), ZoneOffset.UTC));
    }
    if (scope.until() != null) {
      query.setParameter("until", OffsetDateTime.ofInstant(scope.until(), ZoneOffset.UTC));
    }
    // One replay per (subscription, event), from its latest delivery.
    Map<String, WebhookDelivery> latest = new LinkedHashMap<>();
    query.getResultStream().forEach(d -> latest.put(d.subscriptionId() + "|" + d.eventId(), d));
    boolean dryRun = Boolean.TRUE.equals(scope.dryRun());
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<WebhookDelivery.DeliveryView> replayed = new ArrayList<>();
    for (WebhookDelivery original : latest.values()) {
      if (dryRun) {
        replayed.add(original.view());
        continue;
      }
      WebhookDelivery copy = original.replay(now);
      em.persist(copy);
      em.flush();
      audit.recordWithCurrentWork(
          new AuditRecord(
              now,
              AuditRecord.Direction.ADMIN,
              null,
              operator,
              "webhook replay " + original.eventId() + " to " + original.subscriptionId(),
              AuditRecord.Outcome.SUCCEEDED,
              200,
              null,
              CorrelationContext.current(),
              0L));
      replayed.add(copy.view());
    }
    return new Result(dryRun, replayed);
  }
}
