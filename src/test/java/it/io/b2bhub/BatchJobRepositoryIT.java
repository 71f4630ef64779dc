package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batch jobs run from the WAR's job XML and their history lives in the hub's database (the tables
 * come from the migrations, on H2 and PostgreSQL alike). Submitted the way operators do it: the
 * batch management REST API with an operator in the batchAdmin role.
 */
@ExtendWith(ArquillianExtension.class)
class BatchJobRepositoryIT {
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

  private RequestSpecification batchApi() {
    return hub.admin()
        .baseUri(
            "https://" + url.getHost() + ":" + System.getProperty("b2bhub.it.httpsPort", "9443"));
  }

  @Test
  void auditRetentionJobPurgesExpiredRowsAndItsRunIsRecorded() {
    String correlationId = "retention-" + UUID.randomUUID();
    hub.admin()
        .header("X-Correlation-ID", correlationId)
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(200);
    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .body("items", hasSize(1));

    long instanceId =
        batchApi()
            .contentType(ContentType.JSON)
            .body(
                "{\"applicationName\":\"b2b-hub\",\"moduleName\":\"b2b-hub.war\","
                    + "\"jobXMLName\":\"audit-retention\","
                    + "\"jobParameters\":{\"retentionDays\":\"0\",\"batchSize\":\"2\"}}")
            .post("/ibm/api/batch/jobinstances")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("instanceId");

    Deadline.await(
        Duration.ofSeconds(60),
        "job instance " + instanceId + " completes",
        () ->
            "COMPLETED"
                .equals(
                    batchApi()
                        .get("/ibm/api/batch/jobinstances/" + instanceId)
                        .path("batchStatus")));

    JsonPath executions =
        batchApi().get("/ibm/api/batch/jobinstances/" + instanceId + "/jobexecutions").jsonPath();
    long executionId = executions.getLong("[0].executionId");
    batchApi()
        .get("/ibm/api/batch/jobexecutions/" + executionId + "/stepexecutions")
        .then()
        .statusCode(200)
        .body("[0].stepName", equalTo("purge-expired-audit-rows"))
        .body("[0].batchStatus", equalTo("COMPLETED"))
        .body("[0].exitStatus", startsWith("DELETED="));

    hub.admin()
        .queryParam("correlationId", correlationId)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }
}
