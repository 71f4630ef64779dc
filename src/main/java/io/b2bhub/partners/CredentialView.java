package io.b2bhub.partners;

import java.time.Instant;
import java.util.List;

/**
 * A credential as the admin API lists it: never the secret. {@code lookupKey} is what identifies it
 * to a person: the OAuth client id, the SSH key fingerprint, the webhook secret's key id, or the
 * CIDR.
 */
public record CredentialView(
    String credentialId,
    CredentialKind kind,
    String label,
    String lookupKey,
    List<String> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    State state) {

  /** Active; still valid but replaced (rotation overlap); past its overlap; revoked. */
  public enum State {
    ACTIVE,
    EXPIRING,
    EXPIRED,
    REVOKED
  }
}
