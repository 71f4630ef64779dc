package io.b2bhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start in the production profile while any sandbox secret is still in place: the
 * published sandbox values would let anyone read stored secrets or sign in as the operator.
 */
@Singleton
@Startup
public class ProductionSafetyCheck {
  static final String SANDBOX_SECRETS_KEY = "c2FuZGJveC1vbmx5LWtleS1yZXBsYWNlLWluLXByb2Q=";
  static final String SANDBOX_ADMIN_PASSWORD = "sandbox-admin-password";
  static final String SANDBOX_KEYSTORE_PASSWORD = "b2bhub-sandbox-keystore";
  static final String SANDBOX_DB_PASSWORD = "b2bhub";
  private static final Logger LOG = Logger.getLogger(ProductionSafetyCheck.class.getName());

  @Inject
  @ConfigProperty(name = "b2bhub.profile", defaultValue = "sandbox")
  String profile;

  @Inject
  @ConfigProperty(name = "b2bhub.secrets.key")
  String secretsKey;

  @Inject
  @ConfigProperty(name = "ADMIN_PASSWORD", defaultValue = "")
  String adminPassword;

  @Inject
  @ConfigProperty(name = "KEYSTORE_PASSWORD", defaultValue = "")
  String keystorePassword;

  @Inject
  @ConfigProperty(name = "DB_PASSWORD", defaultValue = "")
  String databasePassword;

  @Inject
  @ConfigProperty(name = "DB_URL", defaultValue = "")
  String databaseUrl;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.sandbox.enabled", defaultValue = "false")
  boolean erpSandboxEnabled;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.password", defaultValue = "")
  String erpPassword;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.sandbox.enabled", defaultValue = "false")
  boolean webshopSandboxEnabled;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.password", defaultValue = "")
  String webshopPassword;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.push-secret", defaultValue = "")
  String webshopPushSecret;

  @Inject
  @ConfigProperty(name = "JMS_HUB_PASSWORD", defaultValue = "")
  String hubJmsPassword;

  @Inject
  @ConfigProperty(name = "JMS_WEBSHOP_PASSWORD", defaultValue = "")
  String webshopJmsPassword;

  @Inject
  @ConfigProperty(name = "BATCH_SUBMITTER_PASSWORD", defaultValue = "unset")
  String batchSubmitterPassword;

  @Inject
  @ConfigProperty(name = "b2bhub.files.pgp.passphrase", defaultValue = "unset")
  String pgpPassphrase;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.allow-plain-http", defaultValue = "false")
  boolean webhooksOverPlainHttp;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.allowed-private-hosts", defaultValue = "none")
  List<String> webhookPrivateHosts;

  @PostConstruct
  void check() {
    List<String> sandboxValues = sandboxValuesInUse();
    if ("production".equals(profile) && !sandboxValues.isEmpty()) {
      throw new IllegalStateException(
          "Production profile with sandbox values for " + sandboxValues + "; set them first.");
    }
    if (!"production".equals(profile) && databaseUrl.startsWith("jdbc:postgresql:")) {
      LOG.warning(
          "Sandbox profile on PostgreSQL: seed partners are loaded and sandbox secrets accepted."
              + " Set B2BHUB_PROFILE=production for a real deployment.");
    }
  }

  List<String> sandboxValuesInUse() {
    List<String> inUse = new ArrayList<>();
    if (SANDBOX_SECRETS_KEY.equals(secretsKey)) {
      inUse.add("B2BHUB_SECRETS_KEY");
    }
    if (SANDBOX_ADMIN_PASSWORD.equals(adminPassword)) {
      inUse.add("ADMIN_PASSWORD");
    }
    if (SANDBOX_KEYSTORE_PASSWORD.equals(keystorePassword)) {
      inUse.add("KEYSTORE_PASSWORD");
    }
    if (SANDBOX_DB_PASSWORD.equals(databasePassword)) {
      inUse.add("DB_PASSWORD");
    }
    if (erpSandboxEnabled) {
      inUse.add("B2BHUB_ERP_SANDBOX_ENABLED");
    }
    if ("sandbox-erp-password".equals(erpPassword)) {
      inUse.add("B2BHUB_ERP_PASSWORD");
    }
    if ("sandbox-hub-jms-password".equals(hubJmsPassword)) {
      inUse.add("JMS_HUB_PASSWORD");
    }
    if ("sandbox-webshop-jms-password".equals(webshopJmsPassword)) {
      inUse.add("JMS_WEBSHOP_PASSWORD");
    }
    if (BatchJobSubmitter.SANDBOX_PASSWORD.equals(batchSubmitterPassword)) {
      inUse.add("BATCH_SUBMITTER_PASSWORD");
    }
    if ("sandbox-pgp-passphrase".equals(pgpPassphrase)) {
      inUse.add("B2BHUB_FILES_PGP_PASSPHRASE");
    }
    if (webhooksOverPlainHttp) {
      inUse.add("B2BHUB_WEBHOOKS_ALLOW_PLAIN_HTTP");
    }
    if (!List.of("none").equals(webhookPrivateHosts)) {
      inUse.add("B2BHUB_WEBHOOKS_ALLOWED_PRIVATE_HOSTS");
    }
    if (webshopSandboxEnabled) {
      inUse.add("B2BHUB_WEBSHOP_SANDBOX_ENABLED");
    }
    if ("sandbox-webshop-password".equals(webshopPassword)) {
      inUse.add("B2BHUB_WEBSHOP_PASSWORD");
    }
    if ("sandbox-webshop-push-secret".equals(webshopPushSecret)) {
      inUse.add("B2BHUB_WEBSHOP_PUSH_SECRET");
    }
    return inUse;
  }
}
