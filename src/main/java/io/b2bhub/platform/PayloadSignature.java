package io.b2bhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's signature header for pushed payloads: {@code X-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">}, with one {@code v1} per secret while secrets rotate. Checks
 * compare in constant time and refuse timestamps outside the window, so a captured request cannot
 * be replayed later.
 */
public final class PayloadSignature {
  public static final String HEADER = "X-Signature";

  /** Why a signature was refused. */
  public enum Verdict {
    VALID,
    MISSING,
    MALFORMED,
    EXPIRED,
    INVALID
  }

  private PayloadSignature() {}

  /** The header value signing {@code body} at {@code time} with each of {@code secrets}. */
  public static String header(List<String> secrets, Instant time, byte[] body) {
    long t = time.getEpochSecond();
    StringBuilder header = new StringBuilder("t=").append(t);
    for (String secret : secrets) {
      header.append(",v1=").append(HexFormat.of().formatHex(mac(secret, t, body)));
    }
    return header.toString();
  }

  public static Verdict verify(
      String header, byte[] body, List<String> secrets, Duration window, Instant now) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    Long t = null;
    List<byte[]> candidates = new ArrayList<>();
    for (String part : header.split(",")) {
      String item = part.trim();
      try {
        if (item.startsWith("t=")) {
          t = Long.parseLong(item.substring(2));
        } else if (item.startsWith("v1=")) {
          candidates.add(HexFormat.of().parseHex(item.substring(3)));
        }
      } catch (IllegalArgumentException e) {
        return Verdict.MALFORMED;
      }
    }
    if (t == null || candidates.isEmpty()) {
      return Verdict.MALFORMED;
    }
    if (Math.abs(now.getEpochSecond() - t) > window.toSeconds()) {
      return Verdict.EXPIRED;
    }
    boolean matched = false;
    for (String secret : secrets) {
      byte[] expected = mac(secret, t, body);
      for (byte[] candidate : candidates) {
        // No early exit: every pair is compared, in constant time each.
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched ? Verdict.VALID : Verdict.INVALID;
  }

  private static byte[] mac(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
