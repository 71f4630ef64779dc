package io.b2bhub.files;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;

/** Partners' OpenPGP public keys and whether their files must come encrypted. */
@ApplicationScoped
public class PartnerPgpKeys {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** A partner's PGP profile: the key its signatures are checked with, and the policy. */
  public record PgpProfile(String fingerprint, PGPPublicKey key, boolean requireEncryption) {}

  /** What operators see of a profile (never more than the public key's fingerprint). */
  public record PgpProfileView(String partnerId, String fingerprint, boolean requireEncryption) {}

  @Transactional
  public PgpProfileView register(String partnerId, String armoredKey, boolean requireEncryption) {
    PGPPublicKey key;
    try {
      key = OpenPgp.publicKey(armoredKey == null ? "" : armoredKey);
    } catch (IOException e) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, "publicKey is not an armored OpenPGP public key");
    }
    String fingerprint = OpenPgp.fingerprint(key);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated =
        em.createNativeQuery(
                "UPDATE partner_pgp_key SET fingerprint = ?, armored_key = ?,"
                    + " require_encryption = ?, updated_at = ? WHERE partner_id = ?")
            .setParameter(1, fingerprint)
            .setParameter(2, armoredKey)
            .setParameter(3, requireEncryption)
            .setParameter(4, now)
            .setParameter(5, partnerId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO partner_pgp_key (partner_id, fingerprint, armored_key,"
                  + " require_encryption, updated_at) VALUES (?, ?, ?, ?, ?)")
          .setParameter(1, partnerId)
          .setParameter(2, fingerprint)
          .setParameter(3, armoredKey)
          .setParameter(4, requireEncryption)
          .setParameter(5, now)
          .executeUpdate();
    }
    return new PgpProfileView(partnerId, fingerprint, requireEncryption);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PgpProfile> of(String partnerId) {
    return em.createNativeQuery(
            "SELECT fingerprint, armored_key, require_encryption FROM partner_pgp_key"
                + " WHERE partner_id = ?")
        .setParameter(1, partnerId)
        .getResultStream()
        .findFirst()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              try {
                return new PgpProfile(
                    (String) r[0], OpenPgp.publicKey((String) r[1]), Boolean.TRUE.equals(r[2]));
              } catch (IOException e) {
                throw new IllegalStateException("stored PGP key unreadable", e);
              }
            });
  }
}
