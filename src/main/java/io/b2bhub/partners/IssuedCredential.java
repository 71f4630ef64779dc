package io.b2bhub.partners;

import java.time.Instant;
import java.util.List;

/**
 * A newly issued credential, returned exactly once: {@code secret} is not stored in readable form
 * (OAuth client secrets are hashed, webhook secrets encrypted) and cannot be shown again.
 */
public record IssuedCredential(
    String credentialId,
    CredentialKind kind,
    String lookupKey,
    String clientId,
    String secret,
    List<String> scopes,
    String tokenEndpoint,
    Instant expiresAt) {}
