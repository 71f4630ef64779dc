package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hub's own key material, from configuration ({@code b2bhub.secrets.key}, base64, 32 bytes):
 * encrypts stored partner secrets (AES-256-GCM), signs opaque tokens such as cursors (HMAC-SHA256,
 * with a key derived for that purpose) and generates new secrets.
 */
@ApplicationScoped
public class HubSecrets {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec encryptionKey;
  private byte[] signingKey;

  protected HubSecrets() {}

  @Inject
  public HubSecrets(@ConfigProperty(name = "b2bhub.secrets.key") String base64Key) {
    byte[] key = Base64.getDecoder().decode(base64Key.trim());
    if (key.length != 32) {
      throw new IllegalStateException("b2bhub.secrets.key must be 32 bytes, base64-encoded");
    }
    this.encryptionKey = new SecretKeySpec(derive(key, "encryption"), "AES");
    this.signingKey = derive(key, "signing");
  }

  /** A new random secret, URL-safe, 256 bits. */
  public String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Random bytes as lower-case hex, for identifiers that must not be guessable. */
  public String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  public byte[] encrypt(String plaintext) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
          .put(VERSION)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(byte[] ciphertext) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
      if (buffer.get() != VERSION) {
        throw new IllegalStateException("Unknown secret format");
      }
      byte[] iv = new byte[IV_BYTES];
      buffer.get(iv);
      byte[] sealed = new byte[buffer.remaining()];
      buffer.get(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: wrong key or tampered data", e);
    }
  }

  public byte[] sign(String purpose, byte[] data) {
    return hmac(signingKey, (purpose + "\n").getBytes(StandardCharsets.UTF_8), data);
  }

  /** Compares in constant time, so timing does not reveal how much of a signature matched. */
  public boolean verify(String purpose, byte[] data, byte[] signature) {
    return MessageDigest.isEqual(sign(purpose, data), signature);
  }

  private static byte[] derive(byte[] master, String label) {
    return hmac(master, label.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
