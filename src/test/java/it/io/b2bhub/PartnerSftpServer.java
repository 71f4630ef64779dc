package it.io.b2bhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A partner's own SFTP server on loopback (MINA SSHD), as a partner would run one: it accepts the
 * one client key it was given (the hub's) and stores what arrives in a folder the test reads.
 */
final class PartnerSftpServer implements AutoCloseable {
  private final Path root;
  private final Path hostKeyFile;
  private final PublicKey authorized;
  private SshServer server;
  private int port;

  PartnerSftpServer(Path root, String authorizedKeyLine) throws Exception {
    this.root = root;
    this.hostKeyFile = root.resolveSibling(root.getFileName() + "-hostkey");
    this.authorized =
        PublicKeyEntry.parsePublicKeyEntry(authorizedKeyLine).resolvePublicKey(null, null, null);
    Files.createDirectories(root.resolve("incoming"));
  }

  /** Starts on the given port (0 picks one); the host key stays the same across restarts. */
  void start(int wantedPort) throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(wantedPort);
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    sshd.setKeyPairProvider(keys);
    sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(authorized, key));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
    sshd.start();
    server = sshd;
    port = sshd.getPort();
  }

  int port() {
    return port;
  }

  String hostKeyLine() throws IOException {
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    return PublicKeyEntry.toString(keys.loadKeys(null).get(0).getPublic());
  }

  Path incoming() {
    return root.resolve("incoming");
  }

  void stop() throws IOException {
    if (server != null) {
      server.stop(true);
      server = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
