package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.HubSecrets;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues, lists, rotates and revokes partner credentials. Generated secrets leave the hub exactly
 * once, in the response that created them.
 */
@ApplicationScoped
@Transactional
public class PartnerCredentials {
  private static final Logger LOG = Logger.getLogger(PartnerCredentials.class.getName());

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  /** The longest overlap an operator may ask for when rotating. */
  static final Duration MAX_OVERLAP = Duration.ofDays(30);

  @Inject HubSecrets secrets;
  @Inject OAuthClientStore oauthClients;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.credentials.rotation-overlap", defaultValue = "PT24H")
  Duration rotationOverlap;

  @Inject
  @ConfigProperty(name = "OAUTH_ISSUER")
  String oauthIssuer;

  public IssuedCredential add(Partner partner, NewCredential request) {
    return switch (request.kind()) {
      case OAUTH_CLIENT -> issueOAuthClient(partner, request.label(), request.scopes());
      case WEBHOOK_SECRET -> issueWebhookSecret(partner, request.label());
      case SSH_PUBLIC_KEY -> addSshKey(partner, request.label(), request.value());
      case IP_RANGE -> addIpRange(partner, request.label(), request.value());
    };
  }

  IssuedCredential issueOAuthClient(Partner partner, String label, List<String> requestedScopes) {
    List<String> scopes = checkedScopes(requestedScopes);
    String clientId = partner.partnerId() + "-" + secrets.randomHex(4);
    String secret = secrets.newSecret();
    oauthClients.register(clientId, secret, partner.partnerId(), scopes);
    PartnerCredential credential =
        persist(
            new PartnerCredential(
                partner, CredentialKind.OAUTH_CLIENT, label, clientId, null, scopes, null, now()));
    if (partner.status() == PartnerStatus.SUSPENDED) {
      oauthClients.setEnabled(clientId, false);
    }
    return new IssuedCredential(
        credential.credentialId(),
        CredentialKind.OAUTH_CLIENT,
        clientId,
        clientId,
        secret,
        scopes,
        oauthIssuer + "/token",
        null);
  }

  IssuedCredential issueWebhookSecret(Partner partner, String label) {
    String secret = "whsec_" + secrets.newSecret();
    String keyId = "whk_" + secrets.randomHex(6);
    PartnerCredential credential =
        persist(
            new PartnerCredential(
                partner,
                CredentialKind.WEBHOOK_SECRET,
                label,
                keyId,
                null,
                null,
                secrets.encrypt(secret),
                now()));
    return new IssuedCredential(
        credential.credentialId(),
        CredentialKind.WEBHOOK_SECRET,
        keyId,
        null,
        secret,
        List.of(),
        null,
        null);
  }

  IssuedCredential addSshKey(Partner partner, String label, String value) {
    SshPublicKey key = SshPublicKey.parse(value);
    ensureNew(partner, CredentialKind.SSH_PUBLIC_KEY, key.fingerprint());
    PartnerCredential credential =
        persist(
            new PartnerCredential(
                partner,
                CredentialKind.SSH_PUBLIC_KEY,
                label,
                key.fingerprint(),
                key.openSshLine(),
                null,
                null,
                now()));
    return issuedWithoutSecret(credential);
  }

  IssuedCredential addIpRange(Partner partner, String label, String value) {
    String cidr = IpRange.parse(value).normalized();
    ensureNew(partner, CredentialKind.IP_RANGE, cidr);
    PartnerCredential credential =
        persist(
            new PartnerCredential(
                partner, CredentialKind.IP_RANGE, label, cidr, cidr, null, null, now()));
    return issuedWithoutSecret(credential);
  }

  public List<CredentialView> list(Partner partner) {
    OffsetDateTime now = now();
    return em
        .createNamedQuery("PartnerCredential.findByPartner", PartnerCredential.class)
        .setParameter("partner", partner)
        .getResultList()
        .stream()
        .map(c -> c.view(now))
        .toList();
  }

  /**
   * Replaces a generated secret. The old credential keeps working for the configured overlap so the
   * partner can switch without an outage.
   */
  public IssuedCredential rotate(Partner partner, String credentialId, Duration overlap) {
    Duration effectiveOverlap = overlap == null ? rotationOverlap : overlap;
    if (effectiveOverlap.isNegative() || effectiveOverlap.compareTo(MAX_OVERLAP) > 0) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER, "overlap must be between PT0S and " + MAX_OVERLAP + ".");
    }
    PartnerCredential old = find(partner, credentialId);
    if (!old.kind().hasGeneratedSecret()) {
      throw new ProblemException(
          ErrorCode.CONFLICT,
          "Only generated secrets rotate; add the new "
              + old.kind()
              + " and revoke the old one instead.");
    }
    if (!old.isActive(now())) {
      throw new ProblemException(
          ErrorCode.CONFLICT, "The credential is no longer active; issue a new one instead.");
    }
    IssuedCredential replacement =
        old.kind() == CredentialKind.OAUTH_CLIENT
            ? issueOAuthClient(partner, old.label(), old.scopes())
            : issueWebhookSecret(partner, old.label());
    OffsetDateTime oldValidUntil = now().plus(effectiveOverlap);
    old.expireAt(oldValidUntil);
    if (old.kind() == CredentialKind.OAUTH_CLIENT) {
      em.flush();
      disableExpiredOAuthClients();
    }
    LOG.info(
        () ->
            "Partner "
                + partner.partnerId()
                + ": "
                + old.kind()
                + " "
                + old.credentialId()
                + " rotated, valid until "
                + oldValidUntil);
    return replacement;
  }

  /**
   * Revokes a credential at once. Revoking a partner's last allowed IP range would silently open it
   * to every address, so that needs {@code allowAnyAddress}.
   */
  public CredentialView revoke(Partner partner, String credentialId, boolean allowAnyAddress) {
    PartnerCredential credential = find(partner, credentialId);
    if (credential.kind() == CredentialKind.IP_RANGE
        && credential.isActive(now())
        && !allowAnyAddress
        && activeCount(partner, CredentialKind.IP_RANGE) == 1) {
      throw new ProblemException(
          ErrorCode.CONFLICT,
          "This is the partner's last allowed IP range: without it the partner may call from any"
              + " address. Add the new range first, or pass allowAnyAddress=true.");
    }
    credential.revoke(now());
    if (credential.kind() == CredentialKind.OAUTH_CLIENT) {
      oauthClients.setEnabled(credential.lookupKey(), false);
    }
    LOG.info(
        () ->
            "Partner "
                + partner.partnerId()
                + ": "
                + credential.kind()
                + " "
                + credentialId
                + " revoked");
    return credential.view(now());
  }

  /** Suspension stops token issuance at once; lifting it restores the still-valid clients. */
  void applyStatus(Partner partner) {
    OffsetDateTime now = now();
    boolean enabled = partner.status() != PartnerStatus.SUSPENDED;
    for (PartnerCredential credential :
        em.createNamedQuery("PartnerCredential.findByPartner", PartnerCredential.class)
            .setParameter("partner", partner)
            .getResultList()) {
      if (credential.kind() == CredentialKind.OAUTH_CLIENT) {
        oauthClients.setEnabled(credential.lookupKey(), enabled && credential.isActive(now));
      }
    }
  }

  /** Disables, in the OAuth store, the clients whose rotation overlap has ended. */
  public int disableExpiredOAuthClients() {
    return oauthClients.disableExpired(now());
  }

  private PartnerCredential find(Partner partner, String credentialId) {
    return em.createNamedQuery("PartnerCredential.findByCredentialId", PartnerCredential.class)
        .setParameter("partner", partner)
        .setParameter("credentialId", credentialId)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new ProblemException(
                    ErrorCode.CREDENTIAL_NOT_FOUND,
                    "Partner " + partner.partnerId() + " has no credential " + credentialId + "."));
  }

  private long activeCount(Partner partner, CredentialKind kind) {
    OffsetDateTime now = now();
    return em.createNamedQuery("PartnerCredential.findByPartnerAndKind", PartnerCredential.class)
        .setParameter("partner", partner)
        .setParameter("kind", kind)
        .getResultStream()
        .filter(c -> c.isActive(now))
        .count();
  }

  private void ensureNew(Partner partner, CredentialKind kind, String lookupKey) {
    boolean exists =
        em.createNamedQuery("PartnerCredential.findByKindAndLookupKey", PartnerCredential.class)
            .setParameter("kind", kind)
            .setParameter("lookupKey", lookupKey)
            .getResultStream()
            .anyMatch(c -> c.partner().id().equals(partner.id()));
    if (exists) {
      throw new ProblemException(
          ErrorCode.CONFLICT, "The partner already has this " + kind + ": " + lookupKey);
    }
  }

  private static List<String> checkedScopes(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return PartnerScopes.DEFAULT;
    }
    Set<String> unique = new LinkedHashSet<>(requested);
    for (String scope : unique) {
      if (!PartnerScopes.ALL.contains(scope)) {
        throw new ProblemException(
            ErrorCode.VALIDATION_FAILED,
            "Unknown scope " + scope + "; known scopes: " + PartnerScopes.ALL);
      }
    }
    return List.copyOf(unique);
  }

  private PartnerCredential persist(PartnerCredential credential) {
    em.persist(credential);
    return credential;
  }

  private static IssuedCredential issuedWithoutSecret(PartnerCredential credential) {
    return new IssuedCredential(
        credential.credentialId(),
        credential.kind(),
        credential.lookupKey(),
        null,
        null,
        List.of(),
        null,
        null);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
