package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Raises alerts for operators (the {@code alert} table, acknowledged by hand). A problem that
 * repeats within its window adds to the open alert's count instead of raising another.
 */
@ApplicationScoped
public class Alerts {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** A new alert, always. */
  @Transactional
  public void raise(String kind, String subject, String message) {
    insert(kind, subject, message, OffsetDateTime.now(clock));
  }

  /**
   * Counts another occurrence on the open alert of this kind and subject raised within {@code
   * window}, or raises a new one.
   */
  @Transactional
  public void raiseOrCount(String kind, String subject, String message, Duration window) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int counted =
        em.createNativeQuery(
                "UPDATE alert SET occurrences = occurrences + 1, last_raised_at = ?, message = ?"
                    + " WHERE kind = ? AND subject = ? AND acknowledged = FALSE"
                    + " AND last_raised_at > ?")
            .setParameter(1, now)
            .setParameter(2, truncate(message))
            .setParameter(3, kind)
            .setParameter(4, subject)
            .setParameter(5, now.minus(window))
            .executeUpdate();
    if (counted == 0) {
      insert(kind, subject, message, now);
    }
  }

  /** What operators see of an alert. */
  public record AlertView(
      long id,
      String kind,
      String subject,
      String message,
      int occurrences,
      String raisedAt,
      String lastRaisedAt,
      boolean acknowledged) {}

  /** The newest alerts first, optionally of one kind and subject. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.List<AlertView> recent(String kind, String subject, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, kind, subject, message, occurrences, raised_at, last_raised_at,"
                + " acknowledged FROM alert WHERE 1 = 1");
    java.util.List<String> values = new java.util.ArrayList<>();
    if (kind != null) {
      sql.append(" AND kind = ?");
      values.add(kind);
    }
    if (subject != null) {
      sql.append(" AND subject = ?");
      values.add(subject);
    }
    var query = em.createNativeQuery(sql.append(" ORDER BY id DESC").toString());
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    return ((java.util.List<?>) query.setMaxResults(limit).getResultList())
        .stream()
            .map(r -> (Object[]) r)
            .map(
                r ->
                    new AlertView(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        String.valueOf(r[5]),
                        r[6] == null ? null : String.valueOf(r[6]),
                        Boolean.TRUE.equals(r[7])))
            .toList();
  }

  private void insert(String kind, String subject, String message, OffsetDateTime now) {
    em.createNativeQuery(
            "INSERT INTO alert (id, kind, subject, message, correlation_id, raised_at,"
                + " last_raised_at, occurrences, acknowledged)"
                + " VALUES (nextval('alert_seq'), ?, ?, ?, ?, ?, ?, 1, FALSE)")
        .setParameter(1, kind)
        .setParameter(2, subject)
        .setParameter(3, truncate(message))
        .setParameter(4, CorrelationContext.current())
        .setParameter(5, now)
        .setParameter(6, now)
        .executeUpdate();
  }

  private static String truncate(String message) {
    return message.length() <= 1000 ? message : message.substring(0, 1000);
  }
}
