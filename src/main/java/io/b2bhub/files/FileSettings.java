package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The files capability's configuration (see the README's configuration table). */
@ApplicationScoped
public class FileSettings {
  @Inject
  @ConfigProperty(name = "b2bhub.files.root", defaultValue = "files")
  String root;

  @Inject
  @ConfigProperty(name = "b2bhub.files.sftp.enabled", defaultValue = "true")
  boolean sftpEnabled;

  @Inject
  @ConfigProperty(name = "b2bhub.files.sftp.host", defaultValue = "0.0.0.0")
  String sftpHost;

  @Inject
  @ConfigProperty(name = "b2bhub.files.sftp.port", defaultValue = "2222")
  int sftpPort;

  @Inject
  @ConfigProperty(name = "b2bhub.files.sftp.host-key")
  Optional<String> hostKey;

  @Inject
  @ConfigProperty(name = "b2bhub.files.poll-interval", defaultValue = "PT2S")
  Duration pollInterval;

  @Inject
  @ConfigProperty(name = "b2bhub.files.sidecar-wait", defaultValue = "PT10S")
  Duration sidecarWait;

  @Inject
  @ConfigProperty(name = "b2bhub.files.partial-upload-max-age", defaultValue = "PT24H")
  Duration partialUploadMaxAge;

  @Inject
  @ConfigProperty(name = "b2bhub.files.checkpoint-items", defaultValue = "2000")
  int checkpointItems;

  /**
   * Where partner roots and the hub's work area live. A relative path is resolved against the
   * server's output directory (Liberty's working directory), so the embedded default needs nothing.
   */
  public Path root() {
    return Path.of(root).toAbsolutePath().normalize();
  }

  public boolean sftpEnabled() {
    return sftpEnabled;
  }

  public String sftpHost() {
    return sftpHost;
  }

  public int sftpPort() {
    return sftpPort;
  }

  /** The persisted host key; by default inside the files root, so it survives restarts. */
  public Path hostKey() {
    return hostKey.map(Path::of).orElse(root().resolve("ssh_host_key"));
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long a renamed file waits for its .sha256 and manifest before it is rejected. */
  public Duration sidecarWait() {
    return sidecarWait;
  }

  /** A temporary upload (never renamed) older than this is deleted. */
  public Duration partialUploadMaxAge() {
    return partialUploadMaxAge;
  }

  public int checkpointItems() {
    return checkpointItems;
  }
}
