package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Pushes files to a partner's own SFTP server with the MINA SSHD client: the server's host key must
 * be the pinned one, the hub logs in with its own key pair (its public half is published for
 * partners to authorise), and every file lands under a temporary name and is renamed, so the
 * partner's poller never sees half a file.
 */
@ApplicationScoped
public class SftpPush {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Inject FileSettings settings;

  private KeyPair identity;

  /** The hub's client key as an OpenSSH line, for the partner's authorized_keys. */
  public synchronized String clientPublicKey() throws IOException {
    return PublicKeyEntry.toString(identity().getPublic());
  }

  void push(PartnerSftpTargets.SftpTarget target, List<Path> files) throws IOException {
    PublicKey pinned;
    try {
      pinned =
          PublicKeyEntry.parsePublicKeyEntry(target.hostKey()).resolvePublicKey(null, null, null);
    } catch (GeneralSecurityException e) {
      throw new IOException("the pinned host key is not usable", e);
    }
    // One client per push: its host key verifier accepts exactly this target's pinned key.
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((s, address, serverKey) -> KeyUtils.compareKeys(pinned, serverKey));
    client.start();
    try (ClientSession session =
        client
            .connect(target.username(), target.host(), target.port())
            .verify(TIMEOUT)
            .getSession()) {
      session.addPublicKeyIdentity(identity());
      session.auth().verify(TIMEOUT);
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
        for (Path file : files) {
          String remote = target.remoteDir() + "/" + file.getFileName();
          try (OutputStream out = sftp.write(remote + ".part")) {
            Files.copy(file, out);
          }
          sftp.rename(remote + ".part", remote);
        }
      }
    } finally {
      client.stop();
    }
  }

  private synchronized KeyPair identity() throws IOException {
    if (identity == null) {
      Path file = settings.root().resolve("ssh_client_key");
      Files.createDirectories(file.getParent());
      SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(file);
      keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
      keys.setKeySize(256);
      identity = keys.loadKeys(null).get(0);
    }
    return identity;
  }
}
