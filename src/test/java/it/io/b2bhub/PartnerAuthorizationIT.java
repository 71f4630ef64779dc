package it.io.b2bhub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner API's security matrix (seed: "Authentication &amp; Authorization"): expired or
 * invalid token 401, wrong scope 403, unapproved IP 403, another partner's data 404.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerAuthorizationIT {
  private static final String PROBLEM = "application/problem+json";

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

  private static String profilePath(String partnerId) {
    return "/api/v1/partners/" + partnerId + "/profile";
  }

  @Test
  void partnerWithClientCredentialsGetsATokenAndReadsItsProfile() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    hub.requestToken(partner.clientId(), partner.clientSecret(), "partner:read")
        .then()
        .statusCode(200)
        .body("token_type", equalTo("Bearer"))
        .body("scope", equalTo("partner:read"));
    hub.partner(hub.token(partner, "partner:read"))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(200)
        .body("partnerId", equalTo(partner.partnerId()))
        .body("status", equalTo("ONBOARDING"));
  }

  @Test
  void wrongClientSecretGetsNoToken() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    hub.requestToken(partner.clientId(), partner.clientSecret() + "x", "partner:read")
        .then()
        .statusCode(401);
  }

  @Test
  void callWithoutTokenIs401Problem() {
    hub.anonymous()
        .get(profilePath("p_001"))
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("code", equalTo("AUTHENTICATION_REQUIRED"));
  }

  @Test
  void tokenWithBrokenSignatureIs401() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String token = hub.token(partner, "partner:read");
    hub.partner(TokenForgery.tampered(token))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("AUTHENTICATION_REQUIRED"));
  }

  @Test
  void expiredTokenIs401EvenWithAValidSignature() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String token = hub.token(partner, "partner:read");
    Instant now = Instant.now();
    String stillValid =
        TokenForgery.withLifetime(token, now.minusSeconds(60), now.plusSeconds(600));
    hub.partner(stillValid).get(profilePath(partner.partnerId())).then().statusCode(200);

    String expired =
        TokenForgery.withLifetime(token, now.minusSeconds(7200), now.minusSeconds(3600));
    hub.partner(expired)
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("AUTHENTICATION_REQUIRED"));
  }

  @Test
  void tokenWithoutTheOperationsScopeIs403InsufficientScope() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read", "orders:read"));
    hub.partner(hub.token(partner, "orders:read"))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(403)
        .contentType(startsWith(PROBLEM))
        .header("WWW-Authenticate", containsString("insufficient_scope"))
        .body("code", equalTo("INSUFFICIENT_SCOPE"));
  }

  @Test
  void callFromAnAddressOutsideTheAllowlistIs403() {
    Hub.RegisteredPartner elsewhere =
        hub.register(List.of("partner:read"), List.of("203.0.113.0/24"));
    hub.partner(hub.token(elsewhere, "partner:read"))
        .get(profilePath(elsewhere.partnerId()))
        .then()
        .statusCode(403)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("IP_NOT_ALLOWED"));

    Hub.RegisteredPartner local =
        hub.register(List.of("partner:read"), List.of("127.0.0.0/8", "::1/128"));
    hub.partner(hub.token(local, "partner:read"))
        .get(profilePath(local.partnerId()))
        .then()
        .statusCode(200);
  }

  @Test
  void partnerAskingForAnotherPartnersDataGets404AsIfItDidNotExist() {
    Hub.RegisteredPartner a = hub.register(List.of("partner:read"));
    Hub.RegisteredPartner b = hub.register(List.of("partner:read"));
    String tokenOfA = hub.token(a, "partner:read");
    hub.partner(tokenOfA)
        .get(profilePath(b.partnerId()))
        .then()
        .statusCode(404)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("PARTNER_NOT_FOUND"));
    hub.partner(tokenOfA)
        .get(profilePath("no-such-partner"))
        .then()
        .statusCode(404)
        .body("code", equalTo("PARTNER_NOT_FOUND"));
  }

  @Test
  void suspendedPartnerIsRefusedAndGetsNoNewTokensUntilReinstated() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String token = hub.token(partner, "partner:read");
    hub.admin()
        .post("/api/v1/admin/partners/" + partner.partnerId() + "/suspend")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));

    hub.partner(token)
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(403)
        .body("code", equalTo("PARTNER_SUSPENDED"));
    hub.requestToken(partner.clientId(), partner.clientSecret(), "partner:read")
        .then()
        .statusCode(401);

    hub.admin()
        .contentType("application/json")
        .body("{\"status\":\"ONBOARDING\"}")
        .post("/api/v1/admin/partners/" + partner.partnerId() + "/status")
        .then()
        .statusCode(200);
    hub.partner(hub.token(partner, "partner:read"))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(200);
  }

  @Test
  void rotatedClientWorksDuringTheOverlapAndARevokedOneStopsAtOnce() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String oldToken = hub.token(partner, "partner:read");
    var rotated =
        hub.admin()
            .post(
                "/api/v1/admin/partners/"
                    + partner.partnerId()
                    + "/credentials/"
                    + partner.oauthCredentialId()
                    + "/rotate")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    Hub.RegisteredPartner replacement = partner.replacedBy(rotated);

    hub.partner(oldToken).get(profilePath(partner.partnerId())).then().statusCode(200);
    hub.partner(hub.token(replacement, "partner:read"))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(200);
    hub.admin()
        .get("/api/v1/admin/partners/" + partner.partnerId() + "/credentials")
        .then()
        .statusCode(200)
        .body(
            "find { it.credentialId == '" + partner.oauthCredentialId() + "' }.state",
            equalTo("EXPIRING"));

    hub.admin()
        .delete(
            "/api/v1/admin/partners/"
                + partner.partnerId()
                + "/credentials/"
                + partner.oauthCredentialId())
        .then()
        .statusCode(200)
        .body("state", equalTo("REVOKED"));
    hub.partner(oldToken)
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(401)
        .body("code", equalTo("CREDENTIAL_INACTIVE"));
    hub.requestToken(partner.clientId(), partner.clientSecret(), "partner:read")
        .then()
        .statusCode(401);
  }

  @Test
  void rotationWithoutOverlapRetiresACompromisedClientAtOnce() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String oldToken = hub.token(partner, "partner:read");
    String rotate =
        "/api/v1/admin/partners/"
            + partner.partnerId()
            + "/credentials/"
            + partner.oauthCredentialId()
            + "/rotate";
    hub.admin()
        .queryParam("overlap", "P90D")
        .post(rotate)
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"));
    var rotated =
        hub.admin()
            .queryParam("overlap", "PT0S")
            .post(rotate)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    hub.partner(oldToken)
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(401)
        .body("code", equalTo("CREDENTIAL_INACTIVE"));
    hub.requestToken(partner.clientId(), partner.clientSecret(), "partner:read")
        .then()
        .statusCode(401);
    hub.admin()
        .get("/api/v1/admin/partners/" + partner.partnerId() + "/credentials")
        .then()
        .body(
            "find { it.credentialId == '" + partner.oauthCredentialId() + "' }.state",
            equalTo("EXPIRED"));
    Hub.RegisteredPartner replacement = partner.replacedBy(rotated);
    hub.partner(hub.token(replacement, "partner:read"))
        .get(profilePath(partner.partnerId()))
        .then()
        .statusCode(200);
  }

  @Test
  void partnerOverItsRateLimitGets429WithRetryAfterAndTheBudgetInHeaders() {
    String partnerId = Hub.uniquePartnerId();
    var created =
        hub.admin()
            .contentType("application/json")
            .body(
                "{\"partnerId\":\""
                    + partnerId
                    + "\",\"name\":\"Busy Co\",\"mode\":\"API\","
                    + "\"security\":\"oauth2\",\"contact\":\"ops@busy.example\",\"rateLimit\":\"3/1m\"}")
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .body("partner.rateLimit", equalTo("3/1m"))
            .extract()
            .jsonPath();
    Hub.RegisteredPartner partner =
        new Hub.RegisteredPartner(
            partnerId,
            created.getString("credentials[0].credentialId"),
            created.getString("credentials[0].clientId"),
            created.getString("credentials[0].secret"));
    String token = hub.token(partner, "partner:read");
    for (int remaining = 2; remaining >= 0; remaining--) {
      hub.partner(token)
          .get(profilePath(partnerId))
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "3")
          .header("RateLimit-Remaining", String.valueOf(remaining));
    }
    hub.partner(token)
        .get(profilePath(partnerId))
        .then()
        .statusCode(429)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("RATE_LIMITED"))
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
        .header("RateLimit-Remaining", "0");
  }

  @Test
  void adminApiRefusesAnonymousCallersPartnerTokensAndWrongPasswords() {
    hub.anonymous()
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .header("WWW-Authenticate", startsWith("Basic"));
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    hub.partner(hub.token(partner, "partner:read"))
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM));
    hub.anonymous()
        .auth()
        .preemptive()
        .basic(Hub.ADMIN_USER, "wrong-password")
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM));
  }
}
