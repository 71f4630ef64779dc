package io.b2bhub.partners;

/** The kinds of credential a partner can hold. */
public enum CredentialKind {
  /** OAuth2 client (client_credentials) for the partner API; the secret is shown once. */
  OAUTH_CLIENT(true),
  /** HMAC-SHA256 secret for signing webhooks; stored encrypted, shown once. */
  WEBHOOK_SECRET(true),
  /** OpenSSH public key for the hosted SFTP server. */
  SSH_PUBLIC_KEY(false),
  /** Source address range (CIDR) the partner may call from. */
  IP_RANGE(false);

  private final boolean generatedSecret;

  CredentialKind(boolean generatedSecret) {
    this.generatedSecret = generatedSecret;
  }

  /** True for kinds whose secret the hub generates (and can therefore rotate). */
  public boolean hasGeneratedSecret() {
    return generatedSecret;
  }
}
