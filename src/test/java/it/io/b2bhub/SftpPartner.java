package it.io.b2bhub;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * A partner's SFTP client, as any partner would use one: its own key pair, the hub's host key
 * pinned by fingerprint (from the operator API), upload under a temporary name and rename.
 */
final class SftpPartner implements AutoCloseable {
  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;

  private SftpPartner(SshClient client, ClientSession session, SftpClient sftp) {
    this.client = client;
    this.session = session;
    this.sftp = sftp;
  }

  static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String openSshLine(KeyPair key) {
    return PublicKeyEntry.toString(key.getPublic());
  }

  /** Registers the key as one of the partner's SSH credentials (operator API). */
  static void registerKey(Hub hub, String partnerId, String openSshLine) {
    hub.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "SSH_PUBLIC_KEY", "label", "sftp", "value", openSshLine))
        .post("/api/v1/admin/partners/" + partnerId + "/credentials")
        .then()
        .statusCode(201);
  }

  /** The hub's SFTP endpoint as operators publish it: port and host key fingerprint. */
  static JsonPath endpoint(Hub hub) {
    return hub.admin().get("/api/v1/admin/files/sftp").then().statusCode(200).extract().jsonPath();
  }

  static SftpPartner connect(Hub hub, String partnerId, KeyPair key) throws IOException {
    JsonPath endpoint = endpoint(hub);
    String pinned = endpoint.getString("hostKeyFingerprint");
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        (session, address, serverKey) ->
            pinned.equals(KeyUtils.getFingerPrint(BuiltinDigests.sha256, serverKey)));
    client.start();
    try {
      ClientSession session =
          client
              .connect(partnerId, "127.0.0.1", endpoint.getInt("port"))
              .verify(Duration.ofSeconds(10))
              .getSession();
      session.addPublicKeyIdentity(key);
      session.auth().verify(Duration.ofSeconds(10));
      return new SftpPartner(
          client, session, SftpClientFactory.instance().createSftpClient(session));
    } catch (IOException | RuntimeException e) {
      client.stop();
      throw e;
    }
  }

  /** Writes a file under {@code name.part}, then renames it: the atomic upload of the playbook. */
  void upload(String path, byte[] content) throws IOException {
    write(path + ".part", content);
    sftp.rename(path + ".part", path);
  }

  void write(String path, byte[] content) throws IOException {
    try (OutputStream out = sftp.write(path)) {
      out.write(content);
    }
  }

  /** Uploads a data file the way the playbook says: data, then its .sha256, then the manifest. */
  void uploadWithSidecars(String fileName, byte[] data, long records, long qty) throws IOException {
    String sha256 = sha256(data);
    upload("inbox/" + fileName, data);
    upload("inbox/" + fileName + ".sha256", (sha256 + "  " + fileName + "\n").getBytes());
    upload("inbox/manifest.json", manifest(fileName, records, qty, sha256).getBytes());
  }

  static String manifest(String fileName, long records, long qty, String sha256) {
    return "{\"file\":\""
        + fileName
        + "\",\"records\":"
        + records
        + ",\"sums\":{\"qty\":"
        + qty
        + "},\"generated_at\":\"2025-09-16T02:00:03Z\",\"sha256\":\""
        + sha256
        + "\",\"schema_version\":1}";
  }

  byte[] read(String path) throws IOException {
    try (InputStream in = sftp.read(path)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  List<String> list(String folder) throws IOException {
    return StreamSupport.stream(sftp.readDir(folder).spliterator(), false)
        .map(SftpClient.DirEntry::getFilename)
        .filter(n -> !n.equals(".") && !n.equals(".."))
        .sorted()
        .toList();
  }

  SftpClient raw() {
    return sftp;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      sftp.close();
      session.close();
    } finally {
      client.stop();
    }
  }
}
