package it.io.b2bhub;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Re-signs a real access token with the server's own signing key after changing its times. This
 * lets a test present a token that is valid in every respect but one (it has expired), which the
 * token endpoint would never issue.
 */
final class TokenForgery {
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private TokenForgery() {}

  static String withLifetime(String token, Instant issuedAt, Instant expiresAt) {
    String[] parts = token.split("\\.");
    String payload = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
    payload =
        payload
            .replaceAll("\"exp\":\\d+", "\"exp\":" + expiresAt.getEpochSecond())
            .replaceAll("\"iat\":\\d+", "\"iat\":" + issuedAt.getEpochSecond());
    String signingInput =
        parts[0] + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
  }

  /** The same token with one character of its signature changed. */
  static String tampered(String token) {
    char last = token.charAt(token.length() - 2);
    return token.substring(0, token.length() - 2)
        + (last == 'A' ? 'B' : 'A')
        + token.charAt(token.length() - 1);
  }

  private static byte[] sign(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(signingKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.sign();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot re-sign the token", e);
    }
  }

  private static PrivateKey signingKey() throws GeneralSecurityException, IOException {
    String serverDir = System.getProperty("b2bhub.it.serverDir");
    String password = System.getenv().getOrDefault("KEYSTORE_PASSWORD", "b2bhub-sandbox-keystore");
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(serverDir + "/resources/security/key.p12")) {
      keyStore.load(in, password.toCharArray());
    }
    return (PrivateKey) keyStore.getKey("default", password.toCharArray());
  }
}
