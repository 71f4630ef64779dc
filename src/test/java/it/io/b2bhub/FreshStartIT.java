package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server started on an empty database migrates it, seeds the sandbox and reports ready. */
@ExtendWith(ArquillianExtension.class)
class FreshStartIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;

  @BeforeEach
  void connect() {
    hub = new Hub(url);
  }

  @Test
  void serverIsReadyOnceDatabaseAndMessagingAnswer() {
    hub.anonymous()
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'b2bhub-dependencies' }.data.database", equalTo("UP"))
        .body("checks.find { it.name == 'b2bhub-dependencies' }.data.messaging", equalTo("UP"));
  }

  @Test
  void serverIsLive() {
    hub.anonymous().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void sandboxProfileRegistersTheThreeSeedPartners() {
    hub.admin()
        .get("/api/v1/admin/partners/p_001")
        .then()
        .statusCode(200)
        .body("name", equalTo("Acme Retail"))
        .body("mode", equalTo("API+Webhook"))
        .body("security", equalTo("oauth2+hmac"))
        .body("sla", equalTo("p95<=300ms, uptime 99.9%"));
    hub.admin()
        .get("/api/v1/admin/partners/p_002")
        .then()
        .statusCode(200)
        .body("name", equalTo("Globex"))
        .body("mode", equalTo("File(SFTP)"));
    hub.admin()
        .get("/api/v1/admin/partners/p_003")
        .then()
        .statusCode(200)
        .body("name", equalTo("Initech"))
        .body("security", equalTo("as2+mdn"));
  }

  @Test
  void seedPartnersHaveAnOAuthClientAndHmacPartnersAWebhookSecret() {
    hub.admin()
        .get("/api/v1/admin/partners/p_001/credentials")
        .then()
        .statusCode(200)
        .body("find { it.kind == 'OAUTH_CLIENT' }.state", equalTo("ACTIVE"))
        .body("find { it.kind == 'WEBHOOK_SECRET' }.state", equalTo("ACTIVE"));
  }
}
