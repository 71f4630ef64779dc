package it.io.b2bhub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every contract call, accepted or rejected, leaves one audit row without secrets. */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {
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

  private static String correlationId() {
    return "audit-" + UUID.randomUUID();
  }

  @Test
  void partnerCallIsAuditedWithPartnerOperationOutcomeAndCorrelationId() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String correlationId = correlationId();
    hub.partner(hub.token(partner, "partner:read"))
        .header("X-Correlation-ID", correlationId)
        .get("/api/v1/partners/" + partner.partnerId() + "/profile")
        .then()
        .statusCode(200);

    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].partnerId", equalTo(partner.partnerId()))
        .body("items[0].actor", equalTo(partner.clientId()))
        .body("items[0].direction", equalTo("INBOUND"))
        .body("items[0].operation", equalTo("GET /api/v1/partners/{partnerId}/profile"))
        .body("items[0].outcome", equalTo("SUCCEEDED"))
        .body("items[0].httpStatus", equalTo(200))
        .body("items[0].occurredAt", containsString("Z"))
        .body("items[0].durationMs", notNullValue());
  }

  @Test
  void callRejectedBeforeAuthenticationIsAuditedToo() {
    String correlationId = correlationId();
    hub.anonymous()
        .header("X-Correlation-ID", correlationId)
        .get("/api/v1/partners/p_001/profile")
        .then()
        .statusCode(401);

    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].outcome", equalTo("REJECTED"))
        .body("items[0].httpStatus", equalTo(401))
        .body("items[0].errorCode", equalTo("AUTHENTICATION_REQUIRED"))
        .body("items[0].partnerId", nullValue());
  }

  @Test
  void scopeRejectionIsAuditedAgainstThePartner() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read", "orders:read"));
    String correlationId = correlationId();
    hub.partner(hub.token(partner, "orders:read"))
        .header("X-Correlation-ID", correlationId)
        .get("/api/v1/partners/" + partner.partnerId() + "/profile")
        .then()
        .statusCode(403);

    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items[0].partnerId", equalTo(partner.partnerId()))
        .body("items[0].outcome", equalTo("REJECTED"))
        .body("items[0].errorCode", equalTo("INSUFFICIENT_SCOPE"));
  }

  @Test
  void adminActionsAreAuditedWithTheOperatorButNeverTheSecretsTheyReturned() {
    String correlationId = correlationId();
    String partnerId = Hub.uniquePartnerId();
    String secret =
        hub.admin()
            .header("X-Correlation-ID", correlationId)
            .contentType(ContentType.JSON)
            .body(
                "{\"partnerId\":\""
                    + partnerId
                    + "\",\"name\":\"Audit Co\",\"mode\":\"API\","
                    + "\"security\":\"oauth2\",\"contact\":\"ops@audit.example\"}")
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .extract()
            .path("credentials[0].secret");

    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items[0].direction", equalTo("ADMIN"))
        .body("items[0].actor", equalTo(Hub.ADMIN_USER))
        .body("items[0].operation", equalTo("POST /api/v1/admin/partners"))
        .body("items[0].httpStatus", equalTo(201))
        .body(not(containsString(secret)));
  }

  @Test
  void adminActionOnAPartnerIsFoundWhenSearchingByThatPartner() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String correlationId = correlationId();
    hub.admin()
        .header("X-Correlation-ID", correlationId)
        .post("/api/v1/admin/partners/" + partner.partnerId() + "/suspend")
        .then()
        .statusCode(200);
    hub.admin()
        .queryParam("partnerId", partner.partnerId())
        .queryParam("direction", "ADMIN")
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items[0].correlationId", equalTo(correlationId))
        .body("items[0].operation", equalTo("POST /api/v1/admin/partners/{partnerId}/suspend"));
  }

  @Test
  void auditSearchRejectsMalformedTimes() {
    hub.admin()
        .queryParam("since", "yesterday")
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("errors[0].pointer", equalTo("since"));
  }
}
