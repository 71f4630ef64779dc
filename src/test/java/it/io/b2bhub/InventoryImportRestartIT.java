package it.io.b2bhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch admin stops an inventory import in the middle of its load and restarts it through
 * Liberty's batch REST API (what Admin Center's Java Batch tool does): the restart resumes from the
 * last checkpoint and the file ends loaded exactly once, with its control totals.
 */
@ExtendWith(ArquillianExtension.class)
class InventoryImportRestartIT {
  private static final String FILE = "inventory_20250916T020000Z_7.csv";
  private static final int ROWS = 600_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;

  @Test
  void importStoppedMidLoadAndRestartedThroughTheBatchApiCompletesWithExactTotals()
      throws IOException {
    Hub hub = new Hub(url);
    String partnerId = hub.register(List.of("orders:read")).partnerId();
    KeyPair key = SftpPartner.newKey();
    SftpPartner.registerKey(hub, partnerId, SftpPartner.openSshLine(key));
    InventoryFiles file = InventoryFiles.of(ROWS);

    try (SftpPartner sftp = SftpPartner.connect(hub, partnerId, key)) {
      sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty());

      JsonPath loading =
          Deadline.await(
              Duration.ofSeconds(120),
              "the load step has committed some chunks",
              () -> {
                JsonPath transfer = transfer(hub, partnerId);
                if (transfer == null || transfer.get("[0].jobInstanceId") == null) {
                  return null;
                }
                long rows =
                    inventory(hub, partnerId, transfer.getString("[0].transferId")).getLong("rows");
                return rows > 0 ? transfer : null;
              });
      long instanceId = loading.getLong("[0].jobInstanceId");
      String transferId = loading.getString("[0].transferId");

      hub.admin()
          .put("/ibm/api/batch/jobinstances/" + instanceId + "?action=stop")
          .then()
          .statusCode(200);
      Deadline.await(
          Duration.ofSeconds(120),
          "job instance " + instanceId + " is stopped",
          () -> "STOPPED".equals(batchStatus(hub, instanceId)));
      long loadedBeforeRestart = inventory(hub, partnerId, transferId).getLong("rows");
      assertTrue(
          loadedBeforeRestart > 0 && loadedBeforeRestart < ROWS,
          "stopped mid-load: " + loadedBeforeRestart + " of " + ROWS);
      assertEquals("FAILED", transfer(hub, partnerId).getString("[0].status"));
      // The poller leaves a failed transfer to the operator: no second job, no second transfer.
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
      assertEquals(1, transfer(hub, partnerId).getList("$").size());
      assertEquals(
          1,
          hub.admin()
              .get("/ibm/api/batch/jobinstances/" + instanceId + "/jobexecutions")
              .jsonPath()
              .getList("$")
              .size());

      hub.admin()
          .contentType(ContentType.JSON)
          .body("{\"jobParameters\":{}}")
          .put("/ibm/api/batch/jobinstances/" + instanceId + "?action=restart")
          .then()
          .statusCode(200);
      Deadline.await(
          Duration.ofSeconds(180),
          "the restarted job completes",
          () -> "COMPLETED".equals(batchStatus(hub, instanceId)));

      JsonPath totals = inventory(hub, partnerId, transferId);
      assertEquals(ROWS, totals.getLong("rows"));
      assertEquals(file.qty(), totals.getLong("quantity"));
      JsonPath ack =
          JsonPath.from(
              new String(sftp.read("outbox/" + FILE + ".ack.json"), StandardCharsets.UTF_8));
      assertEquals("ACCEPTED", ack.getString("status"));
      assertEquals(ROWS, ack.getLong("recordsAccepted"));
      assertEquals(file.qty(), ack.getLong("controlTotals.seen.qty"));
      JsonPath executions =
          hub.admin()
              .get("/ibm/api/batch/jobinstances/" + instanceId + "/jobexecutions")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(2, executions.getList("$").size());
      JsonPath completed = transfer(hub, partnerId);
      assertEquals("COMPLETED", completed.getString("[0].status"));
      assertEquals(
          executions.getLong("max { it.executionId }.executionId"),
          completed.getLong("[0].jobExecutionId"));
    }
  }

  private static JsonPath transfer(Hub hub, String partnerId) {
    JsonPath transfers =
        hub.admin()
            .queryParam("partnerId", partnerId)
            .get("/api/v1/admin/files/transfers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return transfers.getList("$").isEmpty() ? null : transfers;
  }

  private static JsonPath inventory(Hub hub, String partnerId, String transferId) {
    return hub.admin()
        .queryParam("transferId", transferId)
        .get("/api/v1/admin/files/inventory/" + partnerId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String batchStatus(Hub hub, long instanceId) {
    return hub.admin().get("/ibm/api/batch/jobinstances/" + instanceId).path("batchStatus");
  }
}
