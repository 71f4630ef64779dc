package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * An OpenSSH public key line ("type base64 [comment]"). The comment is dropped: it often names a
 * person. The fingerprint is the one {@code ssh-keygen -l} prints (SHA256, unpadded base64).
 */
public record SshPublicKey(String type, byte[] blob) {
  private static final Set<String> ACCEPTED_TYPES =
      Set.of(
          "ssh-ed25519",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "ssh-rsa",
          "sk-ssh-ed25519@openssh.com",
          "sk-ecdsa-sha2-nistp256@openssh.com");

  public static SshPublicKey parse(String line) {
    String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
    if (parts.length < 2 || !ACCEPTED_TYPES.contains(parts[0])) {
      throw invalid("expected \"<type> <base64> [comment]\" with type one of " + ACCEPTED_TYPES);
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalid("the key body is not base64");
    }
    if (!parts[0].equals(embeddedType(blob))) {
      throw invalid("the key body does not match its type " + parts[0]);
    }
    return new SshPublicKey(parts[0], blob);
  }

  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key without its comment, as it will be matched at login. */
  public String openSshLine() {
    return type + " " + Base64.getEncoder().encodeToString(blob);
  }

  private static String embeddedType(byte[] blob) {
    if (blob.length < 4) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(blob);
    int length = buffer.getInt();
    if (length <= 0 || length > buffer.remaining()) {
      return null;
    }
    return new String(blob, 4, length, StandardCharsets.US_ASCII);
  }

  private static ProblemException invalid(String why) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, "Not an OpenSSH public key: " + why);
  }
}
