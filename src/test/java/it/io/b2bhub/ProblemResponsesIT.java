package it.io.b2bhub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every failure answers with problem+json, a stable code and the correlation id; never HTML. */
@ExtendWith(ArquillianExtension.class)
class ProblemResponsesIT {
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

  @Test
  void malformedJsonIs400MalformedRequest() {
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"partnerId\": \"x1\", \"name\": ")
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("status", equalTo(400))
        .body("type", equalTo("urn:b2bhub:problem:MALFORMED_REQUEST"))
        .body(not(containsString("Exception")));
  }

  @Test
  void invalidFieldsAreListedWithJsonPointers() {
    hub.admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"partnerId\":\"Bad Id!\",\"name\":\"\",\"mode\":\"API\",\"security\":\"oauth2\","
                + "\"contact\":\"not-an-email\"}")
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.pointer", hasItems("/partnerId", "/name", "/contact"));
  }

  @Test
  void unknownApiPathIs404Problem() {
    hub.admin()
        .get("/api/v1/admin/no-such-thing")
        .then()
        .statusCode(404)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void unknownPathOutsideTheApiIs404ProblemToo() {
    hub.anonymous()
        .get("/no/such/page.html")
        .then()
        .statusCode(404)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("NOT_FOUND"))
        .body(not(containsString("<html")));
  }

  @Test
  void wrongMethodIs405ProblemWithAllow() {
    hub.admin()
        .delete("/api/v1/admin/partners")
        .then()
        .statusCode(405)
        .contentType(startsWith(PROBLEM))
        .header("Allow", containsString("GET"))
        .body("code", equalTo("METHOD_NOT_ALLOWED"));
  }

  @Test
  void wrongMediaTypeIs415Problem() {
    hub.admin()
        .contentType(ContentType.TEXT)
        .body("partnerId=x")
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(415)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
  }

  @Test
  void oversizedBodyIs413Problem() {
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    hub.admin()
        .contentType(ContentType.JSON)
        .body(huge)
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(413)
        .contentType(startsWith(PROBLEM))
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void plainHttpToTheApiIsRedirectedToHttps() {
    hub.plainHttp()
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(302)
        .header("Location", startsWith("https://"));
    hub.plainHttp().get("/health/ready").then().statusCode(200);
  }

  @Test
  void callersCorrelationIdIsEchoedOnSuccessAndInProblems() {
    hub.admin()
        .header("X-Correlation-ID", "order-sync-42")
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(200)
        .header("X-Correlation-ID", "order-sync-42");
    hub.admin()
        .header("X-Correlation-ID", "order-sync-43")
        .get("/api/v1/admin/partners/does-not-exist")
        .then()
        .statusCode(404)
        .header("X-Correlation-ID", "order-sync-43")
        .body("code", equalTo("PARTNER_NOT_FOUND"))
        .body("correlationId", equalTo("order-sync-43"));
  }

  @Test
  void malformedCorrelationIdIsReplacedByAGeneratedOne() {
    hub.admin()
        .header("X-Correlation-ID", "bad id\twith spaces")
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(200)
        .header("X-Correlation-ID", matchesPattern("[0-9a-f-]{36}"));
  }

  @Test
  void correlationIdIsGeneratedWhenAbsentEvenForUnauthenticatedCalls() {
    hub.anonymous()
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .header("X-Correlation-ID", matchesPattern("[0-9a-f-]{36}"))
        .body("code", equalTo("AUTHENTICATION_REQUIRED"));
  }
}
