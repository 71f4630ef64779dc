package io.b2bhub.partners;

import io.b2bhub.platform.HubSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the webhook receiver asks about a partner pushing to it: may it push now, from this address,
 * and with which secrets is it signing (several while a rotation overlaps).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebhookSenderCheck {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject HubSecrets secrets;
  @Inject Clock clock;

  /** The answer: allowed with the partner's active webhook secrets, or why not. */
  public sealed interface Verdict {
    record Allowed(List<String> secrets) implements Verdict {}

    record Unknown() implements Verdict {}

    record Suspended() implements Verdict {}

    record AddressNotAllowed() implements Verdict {}
  }

  public Verdict check(String partnerId, String remoteAddress) {
    Partner partner =
        em.createNamedQuery("Partner.findByPartnerId", Partner.class)
            .setParameter("partnerId", partnerId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (partner == null) {
      return new Verdict.Unknown();
    }
    if (partner.status() == PartnerStatus.SUSPENDED) {
      return new Verdict.Suspended();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<IpRange> allowlist =
        active(partner, CredentialKind.IP_RANGE, now).stream()
            .map(c -> IpRange.parse(c.lookupKey()))
            .toList();
    if (!allowlist.isEmpty() && allowlist.stream().noneMatch(r -> r.contains(remoteAddress))) {
      return new Verdict.AddressNotAllowed();
    }
    return new Verdict.Allowed(
        active(partner, CredentialKind.WEBHOOK_SECRET, now).stream()
            .map(c -> secrets.decrypt(c.secretCiphertext()))
            .toList());
  }

  private List<PartnerCredential> active(Partner partner, CredentialKind kind, OffsetDateTime now) {
    return em.createNamedQuery("PartnerCredential.findByPartnerAndKind", PartnerCredential.class)
        .setParameter("partner", partner)
        .setParameter("kind", kind)
        .getResultStream()
        .filter(c -> c.isActive(now))
        .toList();
  }
}
