package it.io.b2bhub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The documents and endpoints partners and operators rely on: OpenAPI, metrics, Admin Center. */
@ExtendWith(ArquillianExtension.class)
class OperationsEndpointsIT {
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
  void openApiDocumentsEveryEndpointWithErrorsAndSecurity() {
    hub.anonymous()
        .queryParam("format", "JSON")
        .get("/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/v1/admin/partners"))
        .body("paths", hasKey("/api/v1/admin/partners/{partnerId}"))
        .body("paths", hasKey("/api/v1/admin/partners/{partnerId}/credentials"))
        .body("paths", hasKey("/api/v1/admin/partners/import"))
        .body("paths", hasKey("/api/v1/partners/{partnerId}/profile"))
        .body("paths", hasKey("/api/v1/admin/audit"))
        .body("paths", hasKey("/api/v1/erp/customers"))
        .body("paths", hasKey("/api/v1/erp/orders/{orderId}/status"))
        .body("paths", hasKey("/api/v1/orders"))
        .body("paths", not(hasKey("/sandbox/erp/customers")))
        .body("components.securitySchemes", hasKey("partnerOAuth"))
        .body("components.securitySchemes", hasKey("operatorBasic"))
        .body("components.schemas", hasKey("Problem"))
        .body("paths.'/api/v1/admin/partners'.post.responses", hasKey("400"))
        .body(
            "paths.'/api/v1/admin/partners'.post.requestBody.content.'application/json'.examples",
            notNullValue());
  }

  @Test
  void adminCenterIsServedOverHttpsBehindTheRegistryLogin() {
    hub.anonymous()
        .redirects()
        .follow(false)
        .get("/adminCenter/")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(302)));
  }

  @Test
  void openApiUiIsServed() {
    hub.anonymous().get("/openapi/ui/").then().statusCode(200).body(containsString("<html"));
  }

  @Test
  void metricsNeedAnOperatorAndSpeakPrometheus() {
    hub.anonymous().get("/metrics").then().statusCode(401);
    hub.admin()
        .get("/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("# TYPE"));
  }
}
