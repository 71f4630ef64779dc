package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionSafetyCheckTest {
  private static ProductionSafetyCheck check(String profile, String key, String admin, String ks) {
    ProductionSafetyCheck check = new ProductionSafetyCheck();
    check.profile = profile;
    check.secretsKey = key;
    check.adminPassword = admin;
    check.keystorePassword = ks;
    check.databasePassword = "db-pass";
    check.databaseUrl = "jdbc:postgresql://db/hub";
    check.erpPassword = "real-erp-password";
    check.webshopPassword = "real-webshop-password";
    check.webshopPushSecret = "real-push-secret";
    check.webhookPrivateHosts = java.util.List.of("none");
    return check;
  }

  @Test
  void sandboxMayUseTheSandboxValues() {
    assertDoesNotThrow(
        () ->
            check(
                    "sandbox",
                    ProductionSafetyCheck.SANDBOX_SECRETS_KEY,
                    ProductionSafetyCheck.SANDBOX_ADMIN_PASSWORD,
                    ProductionSafetyCheck.SANDBOX_KEYSTORE_PASSWORD)
                .check());
  }

  @Test
  void productionRefusesToStartWithAnySandboxValueAndNamesThem() {
    ProductionSafetyCheck check =
        check("production", ProductionSafetyCheck.SANDBOX_SECRETS_KEY, "s3cret!", "ks-pass");
    assertEquals(List.of("B2BHUB_SECRETS_KEY"), check.sandboxValuesInUse());
    assertThrows(IllegalStateException.class, check::check);
    assertDoesNotThrow(() -> check("production", "other-key", "s3cret!", "ks-pass").check());
  }
}
