package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.sftp.common.SftpException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Partners drop inventory files into the hub's SFTP server with an ordinary SFTP client; the hub
 * loads a complete, intact, described file with a Jakarta Batch job and answers with an ACK in
 * outbox/, and rejects anything else whole, to error/ with a report.
 */
@ExtendWith(ArquillianExtension.class)
class SftpInventoryIT {
  private static final String FILE = "inventory_20250916T0200Z_001.csv";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String partnerId;
  KeyPair key;
  SftpPartner sftp;

  @BeforeEach
  void partnerWithAnSshKey() throws IOException {
    hub = new Hub(url);
    partnerId = hub.register(List.of("orders:read")).partnerId();
    key = SftpPartner.newKey();
    SftpPartner.registerKey(hub, partnerId, SftpPartner.openSshLine(key));
    sftp = SftpPartner.connect(hub, partnerId, key);
  }

  @AfterEach
  void disconnect() throws IOException {
    sftp.close();
  }

  private JsonPath ack(String fileName) {
    return Deadline.await(
        Duration.ofSeconds(60),
        "ACK for " + fileName + " in outbox/",
        () -> {
          try {
            return JsonPath.from(
                new String(sftp.read("outbox/" + fileName + ".ack.json"), StandardCharsets.UTF_8));
          } catch (IOException e) {
            return null;
          }
        });
  }

  private JsonPath transferOf(String fileName) {
    return Deadline.await(
        Duration.ofSeconds(30),
        "a finished transfer of " + fileName,
        () -> {
          JsonPath transfers =
              hub.admin()
                  .queryParam("partnerId", partnerId)
                  .get("/api/v1/admin/files/transfers")
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath();
          List<String> statuses =
              transfers.getList("findAll { it.fileName == '" + fileName + "' }.status");
          return statuses.isEmpty() || statuses.get(0).equals("PROCESSING") ? null : transfers;
        });
  }

  private JsonPath inventory() {
    return hub.admin()
        .get("/api/v1/admin/files/inventory/" + partnerId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void B003_inventoryFileWithManifestIsLoadedAfterAtomicRenameAndAcknowledged() throws IOException {
    InventoryFiles file = InventoryFiles.of(5_000);

    sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty());

    JsonPath ack = ack(FILE);
    assertEquals("ACCEPTED", ack.getString("status"));
    assertEquals(5_000, ack.getLong("recordsAccepted"));
    assertEquals(file.qty(), ack.getLong("controlTotals.seen.qty"));
    assertEquals(file.qty(), ack.getLong("controlTotals.declared.qty"));
    assertEquals(0, ack.getInt("errorCount"));

    JsonPath inventory = inventory();
    assertEquals(5_000, inventory.getLong("rows"));
    assertEquals(file.qty(), inventory.getLong("quantity"));

    String transferId = ack.getString("transferId");
    JsonPath transfer =
        hub.admin()
            .get("/api/v1/admin/files/transfers/" + transferId)
            .then()
            .statusCode(200)
            .body("status", equalTo("COMPLETED"))
            .body("sequence", equalTo(1))
            .body("sha256", equalTo(SftpPartner.sha256(file.content())))
            .extract()
            .jsonPath();
    long executionId = transfer.getLong("jobExecutionId");
    hub.admin()
        .get("/ibm/api/batch/jobexecutions/" + executionId)
        .then()
        .statusCode(200)
        .body("jobName", equalTo("inventory-import"))
        .body("batchStatus", equalTo("COMPLETED"));

    assertEquals(List.of(), sftp.list("inbox"));
    List<String> archived = sftp.list("archive");
    assertTrue(
        archived.containsAll(List.of(FILE, FILE + ".sha256", FILE + ".manifest.json")),
        archived.toString());
    hub.admin()
        .get("/api/v1/admin/events/outbox")
        .then()
        .statusCode(200)
        .body(
            "findAll { it.tenantId == '" + partnerId + "' }.type", hasItem("inventory.updated.v1"));
    hub.admin()
        .queryParam("partnerId", partnerId)
        .get("/api/v1/admin/audit")
        .then()
        .body("items.operation", hasItem("file.load " + FILE));
  }

  @Test
  void B101_duplicateFileSequenceIsIgnoredAndAudited() throws IOException {
    InventoryFiles first = InventoryFiles.of(10);
    sftp.uploadWithSidecars(FILE, first.content(), first.records(), first.qty());
    assertEquals("ACCEPTED", ack(FILE).getString("status"));

    InventoryFiles resent = InventoryFiles.of(12);
    sftp.uploadWithSidecars(
        "inventory_20250917T0200Z_001.csv", resent.content(), resent.records(), resent.qty());

    JsonPath ack = ack("inventory_20250917T0200Z_001.csv");
    assertEquals("DUPLICATE", ack.getString("status"));
    assertEquals("DUPLICATE_SEQUENCE", ack.getString("code"));
    assertEquals(10, inventory().getLong("rows"), "nothing of the duplicate is loaded");
    assertTrue(sftp.list("error").contains("inventory_20250917T0200Z_001.csv"));
    hub.admin()
        .queryParam("partnerId", partnerId)
        .get("/api/v1/admin/audit")
        .then()
        .body("items.errorCode", hasItem("DUPLICATE_SEQUENCE"));
  }

  @Test
  void sequenceGapIsLoadedAndRaisesAnAlert() throws IOException {
    InventoryFiles file = InventoryFiles.of(10);
    sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty());
    assertEquals("ACCEPTED", ack(FILE).getString("status"));
    String third = "inventory_20250916T0400Z_003.csv";
    sftp.uploadWithSidecars(third, file.content(), file.records(), file.qty());
    assertEquals("ACCEPTED", ack(third).getString("status"));

    hub.admin()
        .queryParam("kind", "FILE_SEQUENCE_GAP")
        .queryParam("subject", partnerId)
        .get("/api/v1/admin/alerts")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].message", org.hamcrest.Matchers.containsString("sequence 3 arrived after 1"));
  }

  @Test
  void truncatedUploadThatIsNeverRenamedIsNeverProcessed() throws IOException {
    InventoryFiles file = InventoryFiles.of(100);
    byte[] half = java.util.Arrays.copyOf(file.content(), file.content().length / 2);
    sftp.write("inbox/" + FILE + ".part", half);
    sftp.upload("inbox/" + FILE + ".sha256", SftpPartner.sha256(file.content()).getBytes());

    // Three poll intervals and the sidecar wait pass; the partial upload stays as it is.
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(12).toNanos());
    assertTrue(sftp.list("inbox").contains(FILE + ".part"));
    hub.admin()
        .queryParam("partnerId", partnerId)
        .get("/api/v1/admin/files/transfers")
        .then()
        .body("size()", equalTo(0));
  }

  @Test
  void fileWithWrongChecksumIsRejectedToErrorWithAReport() throws IOException {
    InventoryFiles file = InventoryFiles.of(20);
    sftp.upload("inbox/" + FILE, file.content());
    sftp.upload("inbox/" + FILE + ".sha256", ("0".repeat(64) + "\n").getBytes());
    sftp.upload(
        "inbox/manifest.json",
        SftpPartner.manifest(FILE, 20, file.qty(), SftpPartner.sha256(file.content())).getBytes());

    JsonPath ack = ack(FILE);
    assertEquals("REJECTED", ack.getString("status"));
    assertEquals("CHECKSUM_MISMATCH", ack.getString("code"));
    assertTrue(sftp.list("error").containsAll(List.of(FILE, FILE + ".report.csv")));
    assertEquals(0, inventory().getLong("rows"));
    transferOf(FILE);
  }

  @Test
  void fileWithoutManifestIsRejectedOnceTheSidecarWaitIsOver() throws IOException {
    InventoryFiles file = InventoryFiles.of(20);
    sftp.upload("inbox/" + FILE, file.content());
    sftp.upload("inbox/" + FILE + ".sha256", SftpPartner.sha256(file.content()).getBytes());

    JsonPath ack = ack(FILE);
    assertEquals("MANIFEST_MISSING", ack.getString("code"));
    assertEquals(0, inventory().getLong("rows"));
  }

  @Test
  void controlTotalsMismatchRejectsTheWholeFileAndLoadsNothing() throws IOException {
    InventoryFiles file = InventoryFiles.of(3_000);
    sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty() + 1);

    JsonPath ack = ack(FILE);
    assertEquals("REJECTED", ack.getString("status"));
    assertEquals("CONTROL_TOTALS_MISMATCH", ack.getString("code"));
    assertEquals(file.qty(), ack.getLong("controlTotals.seen.qty"));
    assertEquals("sums.qty", ack.getString("errors[0].field"));
    assertEquals(0, inventory().getLong("rows"));

    // The sequence is free again: the corrected file under the same name is loaded.
    sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty());
    Deadline.await(
        Duration.ofSeconds(60),
        "the corrected file is loaded",
        () -> inventory().getLong("rows") == 3_000);
  }

  @Test
  void structuralErrorsAreReportedLineByLineAndNothingIsLoaded() throws IOException {
    String csv =
        "sku,location,qty,as_of\n"
            + "SKU-1,WH-1,5,2025-09-16T02:00:00Z\n"
            + "SKU-2,WH-1,-3,2025-09-16T02:00:00Z\n"
            + "SKU-3,WH-1,7\n"
            + "SKU-1,WH-1,9,2025-09-16T02:00:00Z\n"
            + "SKU-4,WH-1,1,yesterday\n";
    InventoryFiles file = InventoryFiles.raw(csv, 5, 19);
    sftp.uploadWithSidecars(FILE, file.content(), file.records(), file.qty());

    JsonPath ack = ack(FILE);
    assertEquals("STRUCTURE_INVALID", ack.getString("code"));
    assertEquals(List.of(3, 4, 5, 6), ack.getList("errors.line", Integer.class));
    assertEquals(List.of("qty", "*", "sku", "as_of"), ack.getList("errors.field"));
    String report = new String(hubReport(), StandardCharsets.UTF_8);
    assertTrue(report.startsWith("line,field,reason\n3,qty,"), report);
    assertEquals(0, inventory().getLong("rows"));
  }

  private byte[] hubReport() throws IOException {
    // Partners may list error/ but only read outbox/; the report's lines are in the ACK too.
    assertThrows(SftpException.class, () -> sftp.read("error/" + FILE + ".report.csv"));
    return java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of(
            System.getProperty("b2bhub.it.serverDir"),
            "files",
            "partners",
            partnerId,
            "error",
            FILE + ".report.csv"));
  }

  @Test
  void partnerCannotReachBeyondItsOwnFolders() throws IOException {
    String other = hub.register(List.of("orders:read")).partnerId();
    SftpPartner.registerKey(hub, other, SftpPartner.openSshLine(SftpPartner.newKey()));
    byte[] content = "x".getBytes();

    assertThrows(SftpException.class, () -> sftp.write("../" + other + "/inbox/x.csv", content));
    assertThrows(SftpException.class, () -> sftp.write("/../../inbox-escape.csv", content));
    assertThrows(SftpException.class, () -> sftp.write("outbox/x.csv", content));
    assertThrows(SftpException.class, () -> sftp.write("archive/x.csv", content));
    assertThrows(SftpException.class, () -> sftp.raw().mkdir("inbox/sub"));
    assertThrows(SftpException.class, () -> sftp.raw().symLink("inbox/link", "/"));
    sftp.write("inbox/notes.part", content);
    assertThrows(SftpException.class, () -> sftp.read("inbox/notes.part"));
    assertEquals(List.of("archive", "error", "inbox", "outbox"), sftp.list("/"));
    assertFalse(
        java.nio.file.Files.exists(
            java.nio.file.Path.of(
                System.getProperty("b2bhub.it.serverDir"),
                "files",
                "partners",
                other,
                "inbox",
                "x.csv")));
  }

  @Test
  void anotherPartnersKeyDoesNotOpenThisPartnersRoot() {
    String other = hub.register(List.of("orders:read")).partnerId();
    KeyPair otherKey = SftpPartner.newKey();
    SftpPartner.registerKey(hub, other, SftpPartner.openSshLine(otherKey));

    assertThrows(Exception.class, () -> SftpPartner.connect(hub, partnerId, otherKey).close());
    hub.admin()
        .queryParam("partnerId", partnerId)
        .get("/api/v1/admin/audit")
        .then()
        .body("items.errorCode", hasItem("SFTP_KEY_NOT_REGISTERED"));
  }

  @Test
  void pgpEncryptedAndSignedFileIsDecryptedVerifiedLoadedAndArchivedEncrypted() throws Exception {
    PartnerPgp partnerKey = PartnerPgp.newKey();
    hub.admin()
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            java.util.Map.of("publicKey", partnerKey.armoredPublicKey(), "requireEncryption", true))
        .put("/api/v1/admin/files/partners/" + partnerId + "/pgp")
        .then()
        .statusCode(200);
    String hubKey =
        hub.admin()
            .get("/api/v1/admin/files/pgp-public-key")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    InventoryFiles plain = InventoryFiles.of(500);
    sftp.uploadWithSidecars(FILE, plain.content(), plain.records(), plain.qty());
    assertEquals("ENCRYPTION_REQUIRED", ack(FILE).getString("code"));

    String encryptedName = "inventory_20250916T0300Z_002.csv.pgp";
    byte[] encrypted = partnerKey.signAndEncrypt(plain.content(), FILE, hubKey);
    sftp.uploadWithSidecars(encryptedName, encrypted, plain.records(), plain.qty());

    JsonPath ack = ack(encryptedName);
    assertEquals("ACCEPTED", ack.getString("status"));
    assertEquals(500, inventory().getLong("rows"));
    assertEquals(plain.qty(), inventory().getLong("quantity"));
    assertTrue(sftp.list("archive").contains(encryptedName));
    byte[] archived =
        java.nio.file.Files.readAllBytes(
            java.nio.file.Path.of(
                System.getProperty("b2bhub.it.serverDir"),
                "files",
                "partners",
                partnerId,
                "archive",
                encryptedName));
    assertEquals(
        SftpPartner.sha256(encrypted), SftpPartner.sha256(archived), "archived as received");

    PartnerPgp stranger = PartnerPgp.newKey();
    String forged = "inventory_20250916T0400Z_003.csv.pgp";
    sftp.uploadWithSidecars(
        forged,
        stranger.signAndEncrypt(plain.content(), FILE, hubKey),
        plain.records(),
        plain.qty());
    assertEquals("PGP_SIGNATURE_INVALID", ack(forged).getString("code"));
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledIf("openSshPresent")
  void openSshCommandLineClientUploadsAFileThatIsLoaded() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openssh");
    java.nio.file.Path keyFile = dir.resolve("id_ecdsa");
    run(dir, "ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", keyFile.toString());
    SftpPartner.registerKey(
        hub, partnerId, java.nio.file.Files.readString(dir.resolve("id_ecdsa.pub")).strip());
    JsonPath endpoint = SftpPartner.endpoint(hub);
    int port = endpoint.getInt("port");
    java.nio.file.Files.writeString(
        dir.resolve("known_hosts"),
        "[127.0.0.1]:" + port + " " + endpoint.getString("hostPublicKey") + "\n");

    InventoryFiles file = InventoryFiles.of(250);
    java.nio.file.Files.write(dir.resolve(FILE), file.content());
    java.nio.file.Files.writeString(
        dir.resolve(FILE + ".sha256"), SftpPartner.sha256(file.content()));
    java.nio.file.Files.writeString(
        dir.resolve("manifest.json"),
        SftpPartner.manifest(FILE, file.records(), file.qty(), SftpPartner.sha256(file.content())));
    java.nio.file.Files.writeString(
        dir.resolve("batch"),
        String.join(
            "\n",
            "put " + FILE + " inbox/" + FILE + ".part",
            "rename inbox/" + FILE + ".part inbox/" + FILE,
            "put " + FILE + ".sha256 inbox/" + FILE + ".sha256",
            "put manifest.json inbox/manifest.json",
            ""));
    run(
        dir,
        "sftp",
        "-i",
        keyFile.toString(),
        "-P",
        Integer.toString(port),
        "-o",
        "UserKnownHostsFile=" + dir.resolve("known_hosts"),
        "-o",
        "StrictHostKeyChecking=yes",
        "-o",
        "BatchMode=yes",
        "-b",
        dir.resolve("batch").toString(),
        partnerId + "@127.0.0.1");

    assertEquals("ACCEPTED", ack(FILE).getString("status"));
    assertEquals(250, inventory().getLong("rows"));
  }

  static boolean openSshPresent() {
    return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/sftp"))
        && java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/ssh-keygen"));
  }

  private static void run(java.nio.file.Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "finished: " + output);
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
  }
}
