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
 * be in the partner's allowlist (if it has one), and the token must carry the scope. The registry's
 * facts come through {@link PartnerAccessCache}; validity periods are judged at every call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PartnerAccessPolicy {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject PartnerAccessCache cache;

  public AccessDecision decide(
      String clientId,
      Collection<String> tokenScopes,
      String remoteAddress,
      Collection<String> anyOfScopes) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    ClientAccess client = clientId == null ? null : cache.get(clientId, () -> load(clientId));
    if (client == null) {
      return new AccessDecision.Denied(
          null, ErrorCode.PARTNER_UNKNOWN, "The token's client is not registered to a partner.");
    }
    if (!client.client().isActive(now)) {
      return new AccessDecision.Denied(
          client.partnerId(),
          ErrorCode.CREDENTIAL_INACTIVE,
          "The client credential was revoked or replaced; use the current one.");
    }
    if (client.status() == PartnerStatus.SUSPENDED) {
      return new AccessDecision.Denied(
          client.partnerId(), ErrorCode.PARTNER_SUSPENDED, "The partner is suspended.");
    }
    List<IpRange> allowlist = client.activeAllowlist(now);
    if (!allowlist.isEmpty() && allowlist.stream().noneMatch(r -> r.contains(remoteAddress))) {
      return new AccessDecision.Denied(
          client.partnerId(),
          ErrorCode.IP_NOT_ALLOWED,
          "Calls from this address are not in the partner's allowlist.");
    }
    if (tokenScopes == null || anyOfScopes.stream().noneMatch(tokenScopes::contains)) {
      return new AccessDecision.Denied(
          client.partnerId(),
          ErrorCode.INSUFFICIENT_SCOPE,
          "This operation needs scope " + String.join(" or ", anyOfScopes) + ".");
    }
    return new AccessDecision.Granted(client.partnerId(), client.rateLimit());
  }

  private ClientAccess load(String clientId) {
    Optional<PartnerCredential> client =
        em.createNamedQuery("PartnerCredential.findByKindAndLookupKey", PartnerCredential.class)
            .setParameter("kind", CredentialKind.OAUTH_CLIENT)
            .setParameter("lookupKey", clientId)
            .getResultStream()
            .findFirst();
    if (client.isEmpty()) {
      return null;
    }
    Partner partner = client.get().partner();
    List<ClientAccess.AllowedRange> allowlist =
        em.createNamedQuery("PartnerCredential.findByPartnerAndKind", PartnerCredential.class)
            .setParameter("partner", partner)
            .setParameter("kind", CredentialKind.IP_RANGE)
            .getResultStream()
            .map(c -> new ClientAccess.AllowedRange(IpRange.parse(c.lookupKey()), c.validity()))
            .filter(r -> !r.validity().revoked())
            .toList();
    return new ClientAccess(
        partner.partnerId(),
        partner.status(),
        partner.rateLimit(),
        client.get().validity(),
        allowlist);
  }
}
