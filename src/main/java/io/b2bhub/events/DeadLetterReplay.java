package io.b2bhub.events;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator replay of dead letters by scope. In one transaction each matching dead letter (state
 * NEW) is written back to the outbox, marked REPLAYED and audited, so a replay happens once: a
 * second call with the same scope finds nothing left to replay. A dry run only lists the matches.
 */
@ApplicationScoped
public class DeadLetterReplay {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final int MAX_PER_CALL = 1000;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject EventSchemas schemas;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Transactional
  public Result replay(Scope scope, String operator) {
    if (scope.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "Name a scope (ids, tenantId, orderId, customerId, eventType, from, to) or all=true.");
    }
    List<Result.Item> replayed = new ArrayList<>();
    List<Result.Item> skipped = new ArrayList<>();
    for (Object[] row : matching(scope)) {
      long id = ((Number) row[0]).longValue();
      Result.Item item = new Result.Item(id, (String) row[1], (String) row[2]);
      EventEnvelope event = readable((String) row[3]);
      if (event == null) {
        skipped.add(item);
        continue;
      }
      if (!scope.isDryRun()) {
        outbox.replay("replay-" + id, event, (String) row[4]);
        em.createNativeQuery(
                "UPDATE dead_letter SET state = 'REPLAYED', replayed_at = ? WHERE id = ?")
            .setParameter(1, OffsetDateTime.now(clock))
            .setParameter(2, id)
            .executeUpdate();
        audit.recordWithCurrentWork(
            new AuditRecord(
                OffsetDateTime.now(clock),
                AuditRecord.Direction.ADMIN,
                (String) row[4],
                operator,
                "dead-letter replay " + id + " " + item.type() + " " + item.eventId(),
                AuditRecord.Outcome.SUCCEEDED,
                null,
                null,
                CorrelationContext.current(),
                null));
      }
      replayed.add(item);
    }
    return new Result(scope.isDryRun(), replayed, skipped);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> matching(Scope scope) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, event_id, event_type, payload, partner_id FROM dead_letter"
                + " WHERE state = 'NEW'");
    List<Object> params = new ArrayList<>();
    if (scope.ids() != null && !scope.ids().isEmpty()) {
      sql.append(" AND id IN (");
      for (int i = 0; i < scope.ids().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(scope.ids().get(i));
      }
      sql.append(')');
    }
    condition(sql, params, "tenant_id", scope.tenantId());
    condition(sql, params, "order_id", scope.orderId());
    condition(sql, params, "customer_id", scope.customerId());
    condition(sql, params, "event_type", scope.eventType());
    if (scope.from() != null) {
      sql.append(" AND last_failure_at >= ?");
      params.add(scope.from().atOffset(ZoneOffset.UTC));
    }
    if (scope.to() != null) {
      sql.append(" AND last_failure_at < ?");
      params.add(scope.to().atOffset(ZoneOffset.UTC));
    }
    sql.append(" ORDER BY id LIMIT ").append(MAX_PER_CALL);
    if (!scope.isDryRun()) {
      sql.append(" FOR UPDATE");
    }
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query.getResultList();
  }

  private static void condition(StringBuilder sql, List<Object> params, String column, String v) {
    if (v != null && !v.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(v);
    }
  }

  /** The dead letter's payload as a valid event, or null (a poison message cannot be replayed). */
  private EventEnvelope readable(String payload) {
    try (var reader = JSON.createReader(new StringReader(payload))) {
      JsonObject json = reader.readObject();
      return schemas.problems(json).isEmpty()
          ? EventEnvelope.of(json, CorrelationContext.current())
          : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /** Which dead letters to replay; criteria combine with AND. */
  public record Scope(
      List<Long> ids,
      String tenantId,
      String orderId,
      String customerId,
      String eventType,
      Instant from,
      Instant to,
      Boolean all,
      Boolean dryRun) {
    boolean isDryRun() {
      return Boolean.TRUE.equals(dryRun);
    }

    boolean isEmpty() {
      return !Boolean.TRUE.equals(all)
          && (ids == null || ids.isEmpty())
          && blank(tenantId)
          && blank(orderId)
          && blank(customerId)
          && blank(eventType)
          && from == null
          && to == null;
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }

  /** What a replay did (or, dry run, would do); skipped ones are not valid events any more. */
  public record Result(boolean dryRun, List<Item> replayed, List<Item> skipped) {
    public record Item(long id, String eventId, String type) {}
  }
}
