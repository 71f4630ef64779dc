package io.b2bhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and reads the audit log. Writes run in their own transaction so a call that fails and
 * rolls back is still audited.
 */
@ApplicationScoped
public class AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (id, occurred_at, direction, partner_id, actor, operation, outcome,"
          + " http_status, error_code, correlation_id, duration_ms)"
          + " VALUES (nextval('audit_log_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Inject AuditCommits auditCommits;

  @Inject
  @ConfigProperty(name = "b2bhub.audit.max-batch", defaultValue = "200")
  int maxBatch;

  private GroupCommit<AuditRecord, Boolean> commits;

  @PostConstruct
  void createCommits() {
    commits =
        new GroupCommit<>(
            auditCommits::writeAll, r -> auditCommits.writeAll(List.of(r)).get(0), maxBatch);
  }

  /**
   * One row per call, so this is on every request's path: a plain insert that takes its id from the
   * sequence in SQL, without the entity manager's bookkeeping or its sequencing lock. Concurrent
   * calls share one transaction of their own ({@link GroupCommit}); this returns once the row is
   * committed.
   */
  public void record(AuditRecord record) {
    commits.write(record);
  }

  /**
   * Like {@link #record}, but inside an HTTP request the caller goes on while the row commits; the
   * request does not answer before it has ({@link AuditRowsBeforeAnswer}). Elsewhere it is {@link
   * #record}.
   */
  public void recordBeforeAnswer(AuditRecord record) {
    if (!AuditRowsBeforeAnswer.isOpen()) {
      record(record);
      return;
    }
    GroupCommit.Queued<Boolean> queued = commits.submit(record);
    AuditRowsBeforeAnswer.awaitBeforeAnswer(() -> commits.await(queued));
  }

  /** Audits as part of the caller's work: the row exists exactly when that work commits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordWithCurrentWork(AuditRecord record) {
    insert(record);
  }

  /** Several rows in one statement batch, as part of the caller's work. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAllWithCurrentWork(List<AuditRecord> records) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (AuditRecord record : records) {
        bind(insert, record);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Audit records not written", e);
    }
  }

  private void insert(AuditRecord record) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, record);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Audit record not written", e);
    }
  }

  private static void bind(PreparedStatement insert, AuditRecord record) throws SQLException {
    insert.setObject(1, record.occurredAt());
    insert.setString(2, record.direction().name());
    insert.setString(3, record.partnerId());
    insert.setString(4, record.actor());
    insert.setString(5, record.operation());
    insert.setString(6, record.outcome().name());
    if (record.httpStatus() == null) {
      insert.setNull(7, Types.INTEGER);
    } else {
      insert.setInt(7, record.httpStatus());
    }
    insert.setString(8, record.errorCode());
    insert.setString(9, record.correlationId());
    if (record.durationMs() == null) {
      insert.setNull(10, Types.BIGINT);
    } else {
      insert.setLong(10, record.durationMs());
    }
  }

  /** Deletes up to {@code limit} of the oldest rows before {@code cutoff}; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int deleteOlderThan(OffsetDateTime cutoff, int limit) {
    List<Long> ids =
        em.createQuery(
                "SELECT a.id FROM AuditEntry a WHERE a.occurredAt < :cutoff ORDER BY a.id",
                Long.class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery("DELETE FROM AuditEntry a WHERE a.id IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Newest first, keyset-paginated on (occurred_at, id). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
    StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    addFilter(jpql, params, "a.partnerId", "partnerId", query.partnerId());
    addFilter(jpql, params, "a.correlationId", "correlationId", query.correlationId());
    addFilter(jpql, params, "a.outcome", "outcome", query.outcome());
    addFilter(jpql, params, "a.direction", "direction", query.direction());
    if (query.since() != null) {
      jpql.append(" AND a.occurredAt >= :since");
      params.put("since", query.since());
    }
    if (query.until() != null) {
      jpql.append(" AND a.occurredAt < :until");
      params.put("until", query.until());
    }
    if (page.after() != null) {
      jpql.append(
          " AND (a.occurredAt < :afterTime OR (a.occurredAt = :afterTime AND a.id < :afterId))");
      params.put("afterTime", page.after().time());
      params.put("afterId", page.after().id());
    }
    jpql.append(" ORDER BY a.occurredAt DESC, a.id DESC");
    TypedQuery<AuditEntry> typed = em.createQuery(jpql.toString(), AuditEntry.class);
    params.forEach(typed::setParameter);
    List<AuditEntry> rows = typed.setMaxResults(page.limit() + 1).getResultList();
    return Page.of(rows, page.limit(), AuditEntry::toRecord, AuditLog::position);
  }

  private static KeysetPosition position(AuditEntry entry) {
    return new KeysetPosition(entry.toRecord().occurredAt(), entry.id());
  }

  private static void addFilter(
      StringBuilder jpql, Map<String, Object> params, String field, String name, String value) {
    if (value != null && !value.isBlank()) {
      jpql.append(" AND ").append(field).append(" = :").append(name);
      params.put(name, value);
    }
  }

  /** Filters for {@link #find}; null means "any". */
  public record AuditQuery(
      String partnerId,
      String correlationId,
      String outcome,
      String direction,
      OffsetDateTime since,
      OffsetDateTime until) {}
}
