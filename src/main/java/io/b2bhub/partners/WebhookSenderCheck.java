package io.b2bhub.partners;

import io.b2bhub.platform.HubSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the webhook receiver asks about a partner pushing to it: may it push now, from this address,
 * and with which secrets is it signing (several while a rotation overlaps).
 */
@ApplicationScoped
public class WebhookSenderCheck {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject HubSecrets secrets;
  @Inject Clock clock;
  @Inject PartnerAccessCache cache;

  /** The answer: allowed with the partner's active webhook secrets, or why not. */
  public sealed interface Verdict {
    record Allowed(List<String> secrets) implements Verdict {}

    record Unknown() implements Verdict {}

    record Suspended() implements Verdict {}

    record AddressNotAllowed() implements Verdict {}
  }

  public Verdict check(String partnerId, String remoteAddress) {
    Sender sender = cache.get("webhook-sender:" + partnerId, () -> load(partnerId));
    if (sender == null) {
      return new Verdict.Unknown();
    }
    if (sender.status() == PartnerStatus.SUSPENDED) {
      return new Verdict.Suspended();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<IpRange> allowlist =
        sender.allowlist().stream()
            .filter(r -> r.validity().isActive(now))
            .map(ClientAccess.AllowedRange::range)
            .toList();
    if (!allowlist.isEmpty() && allowlist.stream().noneMatch(r -> r.contains(remoteAddress))) {
      return new Verdict.AddressNotAllowed();
    }
    return new Verdict.Allowed(
        sender.secrets().stream()
            .filter(s -> s.validity().isActive(now))
            .map(SigningSecret::secret)
            .toList());
  }

  /** A partner's facts as the receiver needs them, kept for a few seconds by the cache. */
  private record Sender(
      PartnerStatus status,
      List<ClientAccess.AllowedRange> allowlist,
      List<SigningSecret> secrets) {}

  private record SigningSecret(String secret, ClientAccess.Validity validity) {}

  private Sender load(String partnerId) {
    Partner partner = RegistryReads.partner(em, partnerId);
    if (partner == null) {
      return null;
    }
    return new Sender(
        partner.status(),
        RegistryReads.unrevoked(em, partner, CredentialKind.IP_RANGE).stream()
            .map(c -> new ClientAccess.AllowedRange(IpRange.parse(c.lookupKey()), c.validity()))
            .toList(),
        RegistryReads.unrevoked(em, partner, CredentialKind.WEBHOOK_SECRET).stream()
            .map(c -> new SigningSecret(secrets.decrypt(c.secretCiphertext()), c.validity()))
            .toList());
  }
}
