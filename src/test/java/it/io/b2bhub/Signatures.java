package it.io.b2bhub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signing as partners and the webshop do it, computed independently of the hub's code. */
public final class Signatures {
  private Signatures() {}

  /** Hex HMAC-SHA256 of {@code signed} under {@code secret} (as UTF-8 bytes). */
  public static String hmacHex(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The X-Signature header for {@code body} signed at unix time {@code t}. */
  public static String xSignature(String secret, long t, String body) {
    return "t=" + t + ",v1=" + hmacHex(secret, t + "." + body);
  }
}
