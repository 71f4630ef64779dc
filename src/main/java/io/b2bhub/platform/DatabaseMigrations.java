package io.b2bhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else in the application touches the database: the
 * hub's tables, the batch job repository and the OAuth client store. Vendor-specific scripts live
 * in {@code db/migration/{vendor}} (h2, postgresql), shared ones in {@code db/migration/common}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
  private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  /** The schema of Liberty's OAuth store, shared with server.xml's databaseStore element. */
  @Inject
  @ConfigProperty(name = "OAUTH_DB_SCHEMA", defaultValue = "oauthdbschema")
  String oauthSchema;

  @PostConstruct
  void migrate() {
    if (!SQL_IDENTIFIER.matcher(oauthSchema).matches()) {
      throw new IllegalStateException("OAUTH_DB_SCHEMA must be a plain SQL identifier");
    }
    String vendor = vendorFolder();
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .placeholders(Map.of("oauthSchema", oauthSchema))
            .failOnMissingLocations(false)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied)");
  }

  /**
   * The folder of vendor-specific scripts; a marker file in each lets Flyway scan it on Liberty.
   */
  private String vendorFolder() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("h2")) {
        return "h2";
      }
      throw new IllegalStateException("Unsupported database: " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Database not reachable for migration", e);
    }
  }
}
