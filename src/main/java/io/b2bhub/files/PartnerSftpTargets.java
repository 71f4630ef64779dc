package io.b2bhub.files;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** The SFTP servers partners host for the hub to push outbound files to, host key pinned. */
@ApplicationScoped
public class PartnerSftpTargets {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** A partner's SFTP server: where to connect, as whom, into which folder, and its host key. */
  public record SftpTarget(
      @NotBlank String host,
      @Min(1) @Max(65535) int port,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String username,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._/-]{1,255}") String remoteDir,
      @NotBlank String hostKey) {}

  @Transactional
  public SftpTarget register(String partnerId, SftpTarget target) {
    try {
      PublicKeyEntry.parsePublicKeyEntry(target.hostKey()).resolvePublicKey(null, null, null);
    } catch (Exception e) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, "hostKey must be the server's OpenSSH public key line");
    }
    em.createNativeQuery("DELETE FROM partner_sftp_target WHERE partner_id = ?")
        .setParameter(1, partnerId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO partner_sftp_target (partner_id, host, port, username, remote_dir,"
                + " host_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, partnerId)
        .setParameter(2, target.host())
        .setParameter(3, target.port())
        .setParameter(4, target.username())
        .setParameter(5, target.remoteDir())
        .setParameter(6, target.hostKey().strip())
        .setParameter(7, OffsetDateTime.now(clock))
        .executeUpdate();
    return target;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SftpTarget> of(String partnerId) {
    return em.createNativeQuery(
            "SELECT host, port, username, remote_dir, host_key FROM partner_sftp_target"
                + " WHERE partner_id = ?")
        .setParameter(1, partnerId)
        .getResultStream()
        .findFirst()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              return new SftpTarget(
                  (String) r[0],
                  ((Number) r[1]).intValue(),
                  (String) r[2],
                  (String) r[3],
                  (String) r[4]);
            });
  }
}
