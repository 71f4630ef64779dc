package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * "Now" as the database sees it. Export positions are compared across servers, so change stamps and
 * the export horizon must come from one clock: PostgreSQL's wall clock at the moment of the
 * statement. The embedded H2 database runs in this JVM, so there the hub's own clock is that clock.
 */
@ApplicationScoped
public class DatabaseClock {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject DatabaseProduct database;

  @Inject Clock clock;

  public OffsetDateTime now() {
    if (!database.isPostgres()) {
      return OffsetDateTime.now(clock);
    }
    // COMMIT flush mode: reading the clock must not flush the caller's pending changes early.
    Object value =
        em.createNativeQuery("SELECT clock_timestamp()")
            .setFlushMode(FlushModeType.COMMIT)
            .getSingleResult();
    OffsetDateTime now =
        value instanceof OffsetDateTime odt
            ? odt
            : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    return now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
