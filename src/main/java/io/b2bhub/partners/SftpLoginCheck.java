package io.b2bhub.partners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the hosted SFTP server asks when a partner logs in: is the partner allowed now, from this
 * address, with this key (matched by its SHA256 fingerprint against the partner's registered,
 * unexpired and unrevoked SSH keys)? Another partner's key never opens this partner's root.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SftpLoginCheck {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject PartnerAccessCache cache;

  /** The answer to a login attempt. */
  public enum Verdict {
    ALLOWED,
    UNKNOWN_PARTNER,
    SUSPENDED,
    ADDRESS_NOT_ALLOWED,
    KEY_NOT_REGISTERED
  }

  public Verdict check(String partnerId, String remoteAddress, String keyFingerprint) {
    SftpUser user = cache.get("sftp-user:" + partnerId, () -> load(partnerId));
    if (user == null) {
      return Verdict.UNKNOWN_PARTNER;
    }
    if (user.status() == PartnerStatus.SUSPENDED) {
      return Verdict.SUSPENDED;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<IpRange> allowlist =
        user.allowlist().stream()
            .filter(r -> r.validity().isActive(now))
            .map(ClientAccess.AllowedRange::range)
            .toList();
    if (!allowlist.isEmpty() && allowlist.stream().noneMatch(r -> r.contains(remoteAddress))) {
      return Verdict.ADDRESS_NOT_ALLOWED;
    }
    boolean keyMatches =
        user.keys().stream()
            .anyMatch(k -> k.validity().isActive(now) && k.fingerprint().equals(keyFingerprint));
    return keyMatches ? Verdict.ALLOWED : Verdict.KEY_NOT_REGISTERED;
  }

  private record SftpUser(
      PartnerStatus status, List<ClientAccess.AllowedRange> allowlist, List<SshKey> keys) {}

  private record SshKey(String fingerprint, ClientAccess.Validity validity) {}

  private SftpUser load(String partnerId) {
    Partner partner = RegistryReads.partner(em, partnerId);
    if (partner == null) {
      return null;
    }
    return new SftpUser(
        partner.status(),
        RegistryReads.unrevoked(em, partner, CredentialKind.IP_RANGE).stream()
            .map(c -> new ClientAccess.AllowedRange(IpRange.parse(c.lookupKey()), c.validity()))
            .toList(),
        RegistryReads.unrevoked(em, partner, CredentialKind.SSH_PUBLIC_KEY).stream()
            .map(c -> new SshKey(c.lookupKey(), c.validity()))
            .toList());
  }
}
