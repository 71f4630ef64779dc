package io.b2bhub.partners;

import io.b2bhub.platform.CorrelationContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In the sandbox profile, registers the seed partners (Acme Retail, Globex, Initech) on the first
 * start with an empty registry, so every flow can be tried at once. Their secrets are not shown
 * anywhere: an operator rotates a credential to obtain one.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class SandboxSeedPartners {
  private static final Logger LOG = Logger.getLogger(SandboxSeedPartners.class.getName());
  private static final String SEED = "/seed/partners.csv";

  @Inject PartnerRegistry registry;
  @Inject PartnerCsvImport csvImport;

  @Inject
  @ConfigProperty(name = "b2bhub.profile", defaultValue = "sandbox")
  String profile;

  @PostConstruct
  void seed() {
    if (!"sandbox".equals(profile) || registry.count() > 0) {
      return;
    }
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("sandbox-seed");
        Reader csv =
            new InputStreamReader(
                SandboxSeedPartners.class.getResourceAsStream(SEED), StandardCharsets.UTF_8)) {
      int created = csvImport.importCsv(csv).created().size();
      LOG.info(() -> "Sandbox profile: registered " + created + " seed partner(s)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
