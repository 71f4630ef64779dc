package it.io.b2bhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the hub produces for a partner land in its hosted outbox/ with checksum and manifest, and
 * are pushed to the partner's own SFTP server; while that server is down the push is retried on the
 * file.transfer policy until it is back.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundFilesIT {
  private static final String CSV = "order_id,total_gross\no-1,1189\no-2,2500\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  @TempDir Path dir;

  @Test
  void outboundFileIsPublishedInTheOutboxAndPushedToThePartnersServerAfterItRecovers()
      throws Exception {
    Hub hub = new Hub(url);
    String partnerId = hub.register(List.of("orders:read")).partnerId();
    String hubKey =
        hub.admin()
            .get("/api/v1/admin/files/partners/" + partnerId + "/sftp-client-key")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    try (PartnerSftpServer partnerServer = new PartnerSftpServer(dir.resolve("partner"), hubKey)) {
      partnerServer.start(0);
      int port = partnerServer.port();
      hub.admin()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "host", "127.0.0.1",
                  "port", port,
                  "username", "hub",
                  "remoteDir", "incoming",
                  "hostKey", partnerServer.hostKeyLine()))
          .put("/api/v1/admin/files/partners/" + partnerId + "/sftp-target")
          .then()
          .statusCode(200);

      String first = publish(hub, partnerId);
      Deadline.await(
          Duration.ofSeconds(30), "the file is pushed", () -> "SENT".equals(status(hub, first)));
      JsonPath sent = hub.admin().get("/api/v1/admin/files/transfers/" + first).jsonPath();
      String name = sent.getString("fileName");
      assertTrue(name.matches(partnerId + "_orders_\\d{8}T\\d{6}Z_001\\.csv"), name);
      assertEquals(CSV, Files.readString(partnerServer.incoming().resolve(name)));
      assertTrue(
          Files.readString(partnerServer.incoming().resolve(name + ".sha256"))
              .startsWith(SftpPartner.sha256(CSV.getBytes(StandardCharsets.UTF_8))));
      JsonPath manifest =
          JsonPath.from(
              Files.readString(partnerServer.incoming().resolve(name + ".manifest.json")));
      assertEquals(2, manifest.getInt("records"));
      assertEquals(3689, manifest.getInt("sums.total_gross"));

      partnerServer.stop();
      String second = publish(hub, partnerId);
      Deadline.await(
          Duration.ofSeconds(30),
          "a failed attempt is recorded and another is scheduled",
          () -> {
            JsonPath t = hub.admin().get("/api/v1/admin/files/transfers/" + second).jsonPath();
            return t.getInt("attempts") >= 1 && "SENDING".equals(t.getString("status"));
          });
      partnerServer.start(port);
      Deadline.await(
          Duration.ofSeconds(60),
          "the retried push arrives",
          () -> "SENT".equals(status(hub, second)));
      String secondName =
          hub.admin().get("/api/v1/admin/files/transfers/" + second).path("fileName");
      assertTrue(secondName.endsWith("_002.csv"), secondName);
      assertTrue(Files.exists(partnerServer.incoming().resolve(secondName)));
    }

    KeyPair key = SftpPartner.newKey();
    SftpPartner.registerKey(hub, partnerId, SftpPartner.openSshLine(key));
    try (SftpPartner sftp = SftpPartner.connect(hub, partnerId, key)) {
      assertTrue(sftp.list("outbox").size() >= 6, "both files and their sidecars are in outbox/");
    }
  }

  private static String publish(Hub hub, String partnerId) {
    return hub.admin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "flow",
                "orders",
                "content",
                CSV,
                "records",
                2,
                "sums",
                Map.of("total_gross", 3689)))
        .post("/api/v1/admin/files/partners/" + partnerId + "/outbound")
        .then()
        .statusCode(201)
        .extract()
        .path("transferId");
  }

  private static String status(Hub hub, String transferId) {
    return hub.admin().get("/api/v1/admin/files/transfers/" + transferId).path("status");
  }
}
