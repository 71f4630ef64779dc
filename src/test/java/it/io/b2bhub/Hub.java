package it.io.b2bhub;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A black-box client of a running hub, as operators and partners use it. */
public final class Hub {
  public static final String ADMIN_USER = setting("ADMIN_USER", "hubadmin");
  public static final String ADMIN_PASSWORD = setting("ADMIN_PASSWORD", "sandbox-admin-password");

  private final String plainBaseUri;
  private final String baseUri;
  private final String tokenUrl;

  /** The API is HTTPS-only (plain HTTP is redirected), so requests go to the HTTPS port. */
  public Hub(URL deploymentUrl) {
    this.plainBaseUri = "http://" + deploymentUrl.getHost() + ":" + deploymentUrl.getPort();
    this.baseUri =
        "https://"
            + deploymentUrl.getHost()
            + ":"
            + System.getProperty("b2bhub.it.httpsPort", "9443");
    this.tokenUrl = baseUri + "/oidc/endpoint/OP/token";
  }

  public String baseUri() {
    return baseUri;
  }

  /** An unauthenticated request. */
  public RequestSpecification anonymous() {
    return given().baseUri(baseUri).relaxedHTTPSValidation();
  }

  /** A request as the hub's operator. */
  public RequestSpecification admin() {
    return anonymous().auth().preemptive().basic(ADMIN_USER, ADMIN_PASSWORD);
  }

  /** A request over plain HTTP, for what the hub must answer there too (health, redirects). */
  public RequestSpecification plainHttp() {
    return given().baseUri(plainBaseUri).redirects().follow(false);
  }

  /** A request as a partner holding this access token. */
  public RequestSpecification partner(String accessToken) {
    return anonymous().header("Authorization", "Bearer " + accessToken);
  }

  public static String uniquePartnerId() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Registers a partner through the admin API and returns what the response showed once. */
  public RegisteredPartner register(List<String> scopes, List<String> ipAllowlist) {
    String partnerId = uniquePartnerId();
    JsonPath created =
        admin()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "partnerId",
                    partnerId,
                    "name",
                    "Partner " + partnerId,
                    "mode",
                    "API+Webhook",
                    "security",
                    "oauth2+hmac",
                    "contact",
                    "integrations@" + partnerId + ".example",
                    "sla",
                    "p95<=300ms",
                    "scopes",
                    scopes,
                    "ipAllowlist",
                    ipAllowlist))
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new RegisteredPartner(
        partnerId,
        created.getString("credentials.find { it.kind == 'OAUTH_CLIENT' }.credentialId"),
        created.getString("credentials.find { it.kind == 'OAUTH_CLIENT' }.clientId"),
        created.getString("credentials.find { it.kind == 'OAUTH_CLIENT' }.secret"));
  }

  public RegisteredPartner register(List<String> scopes) {
    return register(scopes, List.of());
  }

  /** The token endpoint's raw answer, for tests about issuance itself. */
  public Response requestToken(String clientId, String secret, String scope) {
    return given()
        .relaxedHTTPSValidation()
        .auth()
        .preemptive()
        .basic(clientId, secret)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("scope", scope)
        .post(tokenUrl);
  }

  public String token(RegisteredPartner partner, String scope) {
    return requestToken(partner.clientId(), partner.clientSecret(), scope)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** Creates an order of the tenant through the sync API, as the webshop does (one line). */
  public void createOrder(String accessToken, String tenantId, String orderId) {
    partner(accessToken)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "order:" + tenantId + ":" + orderId + ":1")
        .body(
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenantId
                + "\",\"orderId\":\""
                + orderId
                + "\",\"version\":1,\"customerRef\":\"c-1\","
                + "\"currency\":\"EUR\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,"
                + "\"unitPriceMinor\":999,\"lineTotalMinor\":999}],"
                + "\"totals\":{\"netMinor\":999,\"taxMinor\":190,\"grossMinor\":1189}}")
        .post("/api/v1/erp/orders")
        .then()
        .statusCode(201);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A partner registered by a test, with the OAuth client secret it was shown once. */
  public record RegisteredPartner(
      String partnerId, String oauthCredentialId, String clientId, String clientSecret) {

    /** The same partner holding the OAuth client a rotation just issued (shown once in it). */
    public RegisteredPartner replacedBy(JsonPath issued) {
      return new RegisteredPartner(
          partnerId,
          issued.getString("credentialId"),
          issued.getString("clientId"),
          issued.getString("secret"));
    }
  }
}
