package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
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
    hub.admin()
        .get("/api/v1/admin/files/partners/no-such-partner/sftp-client-key")
        .then()
        .statusCode(404)
        .body("code", equalTo("PARTNER_NOT_FOUND"));
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

  @Test
  void orderExportFileFollowsThePartnersFieldMappingAndCarriesControlTotals() throws Exception {
    Hub hub = new Hub(url);
    Hub.RegisteredPartner partner = hub.register(List.of("erp.orders:write", "orders:read"));
    String tenant = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String token = hub.token(partner, "erp.orders:write");
    hub.createOrder(token, tenant, "o-1");
    hub.createOrder(token, tenant, "o-2");
    hub.admin()
        .contentType("text/csv")
        .body(
            "ours,partner,type,notes\n"
                + "order_id,OrderNumber,string,stable external id\n"
                + "total_amount,TotalGross,integer,minor units\n")
        .put("/api/v1/admin/partners/" + partner.partnerId() + "/field-mappings/orders")
        .then()
        .statusCode(200);

    String fileName =
        Deadline.await(
            Duration.ofSeconds(30),
            "both orders are exported into a file",
            () -> {
              io.restassured.response.Response published =
                  hub.admin().post("/api/v1/admin/files/order-exports/" + partner.partnerId());
              return published.statusCode() == 201
                      && published.jsonPath().getLong("recordsDeclared") == 2
                  ? published.jsonPath().getString("fileName")
                  : null;
            });

    KeyPair key = SftpPartner.newKey();
    SftpPartner.registerKey(hub, partner.partnerId(), SftpPartner.openSshLine(key));
    try (SftpPartner sftp = SftpPartner.connect(hub, partner.partnerId(), key)) {
      List<String> lines =
          new String(sftp.read("outbox/" + fileName), StandardCharsets.UTF_8).lines().toList();
      List<String> header = List.of(lines.get(0).split(","));
      assertTrue(header.contains("OrderNumber") && header.contains("TotalGross"), lines.get(0));
      assertEquals(3, lines.size());
      JsonPath manifest =
          JsonPath.from(
              new String(
                  sftp.read("outbox/" + fileName + ".manifest.json"), StandardCharsets.UTF_8));
      assertEquals(2, manifest.getInt("records"));
      assertEquals(2 * 1189, manifest.getInt("sums.TotalGross"));
      assertEquals(
          SftpPartner.sha256(sftp.read("outbox/" + fileName)), manifest.getString("sha256"));
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
