package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a token's client may make a call: the client must belong to a partner, be neither
 * revoked nor past its rotation overlap, the partner must not be suspended, the source address must
 * be in the partner's allowlist (if it has one), and the token must carry the scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PartnerAccessPolicy {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  public AccessDecision decide(
      String clientId,
      Collection<String> tokenScopes,
      String remoteAddress,
      Collection<String> anyOfScopes) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<PartnerCredential> client = findClient(clientId);
    if (client.isEmpty()) {
      return new AccessDecision.Denied(
          null, ErrorCode.PARTNER_UNKNOWN, "The token's client is not registered to a partner.");
    }
    Partner partner = client.get().partner();
    if (!client.get().isActive(now)) {
      return new AccessDecision.Denied(
          partner.partnerId(),
          ErrorCode.CREDENTIAL_INACTIVE,
          "The client credential was revoked or replaced; use the current one.");
    }
    if (partner.status() == PartnerStatus.SUSPENDED) {
      return new AccessDecision.Denied(
          partner.partnerId(), ErrorCode.PARTNER_SUSPENDED, "The partner is suspended.");
    }
    List<IpRange> allowlist = allowlist(partner, now);
    if (!allowlist.isEmpty() && allowlist.stream().noneMatch(r -> r.contains(remoteAddress))) {
      return new AccessDecision.Denied(
          partner.partnerId(),
          ErrorCode.IP_NOT_ALLOWED,
          "Calls from this address are not in the partner's allowlist.");
    }
    if (tokenScopes == null || anyOfScopes.stream().noneMatch(tokenScopes::contains)) {
      return new AccessDecision.Denied(
          partner.partnerId(),
          ErrorCode.INSUFFICIENT_SCOPE,
          "This operation needs scope " + String.join(" or ", anyOfScopes) + ".");
    }
    return new AccessDecision.Granted(partner.partnerId(), partner.rateLimit());
  }

  private Optional<PartnerCredential> findClient(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("PartnerCredential.findByKindAndLookupKey", PartnerCredential.class)
        .setParameter("kind", CredentialKind.OAUTH_CLIENT)
        .setParameter("lookupKey", clientId)
        .getResultStream()
        .findFirst();
  }

  private List<IpRange> allowlist(Partner partner, OffsetDateTime now) {
    return em.createNamedQuery("PartnerCredential.findByPartnerAndKind", PartnerCredential.class)
        .setParameter("partner", partner)
        .setParameter("kind", CredentialKind.IP_RANGE)
        .getResultStream()
        .filter(c -> c.isActive(now))
        .map(c -> IpRange.parse(c.lookupKey()))
        .toList();
  }
}
