package io.b2bhub.files;

import io.b2bhub.partners.SftpLoginCheck;
import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The hub's SFTP server (Apache MINA SSHD), started and stopped with the application: public-key
 * login per partner, SFTP only (no shell, commands or forwarding), one root per partner, and a host
 * key kept on disk so partners can pin it.
 */
@ApplicationScoped
public class HostedSftpServer {
  private static final Logger LOG = Logger.getLogger(HostedSftpServer.class.getName());

  @Resource ContextService contexts;
  @Inject FileSettings settings;
  @Inject PartnerFolders folders;
  @Inject SftpLoginCheck logins;
  @Inject AuditLog audit;
  @Inject Alerts alerts;
  @Inject Clock clock;
  @Inject OpenUploads openUploads;
  @Inject InboxPoller poller;

  private SshServer server;
  private String hostKeyFingerprint;
  private String hostPublicKey;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (!settings.sftpEnabled()) {
      return;
    }
    try {
      Files.createDirectories(settings.hostKey().getParent());
      SimpleGeneratorHostKeyProvider hostKeys =
          new SimpleGeneratorHostKeyProvider(settings.hostKey());
      hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
      hostKeys.setKeySize(256);
      List<KeyPair> keys = hostKeys.loadKeys(null);
      hostKeyFingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, keys.get(0).getPublic());
      hostPublicKey = PublicKeyEntry.toString(keys.get(0).getPublic());

      SshServer sshd = SshServer.setUpDefaultServer();
      sshd.setHost(settings.sftpHost());
      sshd.setPort(settings.sftpPort());
      sshd.setKeyPairProvider(hostKeys);
      // MINA calls these on its own threads: give them the application's context (JPA, JNDI).
      sshd.setPublickeyAuthenticator(
          contexts.createContextualProxy(
              new PartnerKeyAuthenticator(logins, audit, alerts, clock),
              PublickeyAuthenticator.class));
      sshd.setPasswordAuthenticator(null);
      sshd.setKeyboardInteractiveAuthenticator(null);
      sshd.setGSSAuthenticator(null);
      sshd.setHostBasedAuthenticator(null);
      sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
      sshd.setFileSystemFactory(new PartnerRootFileSystems(folders));
      SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
      sftp.addSftpEventListener(new PartnerFolderPolicy(openUploads, poller::kick));
      sshd.setSubsystemFactories(List.of(sftp));
      sshd.start();
      server = sshd;
      LOG.info(
          "SFTP server listening on "
              + settings.sftpHost()
              + ":"
              + sshd.getPort()
              + ", host key "
              + hostKeyFingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException("SFTP server did not start", e);
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        LOG.warning("SFTP server did not stop cleanly: " + e);
      }
      server = null;
    }
  }

  /** Where partners connect and the host key they pin (SHA256 fingerprint, as ssh-keygen -l). */
  public record SftpEndpoint(
      boolean enabled, String host, int port, String hostKeyFingerprint, String hostPublicKey) {}

  public SftpEndpoint endpoint() {
    return new SftpEndpoint(
        server != null,
        settings.sftpHost(),
        server == null ? settings.sftpPort() : server.getPort(),
        hostKeyFingerprint,
        hostPublicKey);
  }
}
