package io.b2bhub.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database the hub runs on: PostgreSQL in production, the embedded H2 to try it out. */
@ApplicationScoped
public class DatabaseProduct {
  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  private volatile Boolean postgres;

  public boolean isPostgres() {
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
