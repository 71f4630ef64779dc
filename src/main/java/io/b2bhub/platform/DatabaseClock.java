package io.b2bhub.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * "Now" as the database sees it. Export positions are compared across servers, so change stamps and
 * the export horizon must come from one clock: PostgreSQL's wall clock at the moment of the
 * statement. The embedded H2 database runs in this JVM, so there the hub's own clock is that clock.
 */
@ApplicationScoped
public class DatabaseClock {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Inject Clock clock;

  private volatile Boolean postgres;

  public OffsetDateTime now() {
    if (!isPostgres()) {
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

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known =
            connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("Database not reachable", e);
      }
      postgres = known;
    }
    return known;
  }
}
