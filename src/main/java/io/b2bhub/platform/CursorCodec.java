package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Opaque, signed pagination cursors. A caller can hand a cursor back but cannot forge or edit one;
 * the scope (e.g. "audit", "partners") binds it to the list it came from.
 */
@ApplicationScoped
public class CursorCodec {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  @Inject HubSecrets secrets;

  public String encode(String scope, KeysetPosition position) {
    if (position == null) {
      return null;
    }
    byte[] payload =
        (position.time().toString() + "|" + position.id()).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload)
        + "."
        + ENCODER.encodeToString(secrets.sign("cursor:" + scope, payload));
  }

  public KeysetPosition decode(String scope, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      int dot = cursor.indexOf('.');
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!secrets.verify("cursor:" + scope, payload, signature)) {
        throw invalid();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
      return new KeysetPosition(OffsetDateTime.parse(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return new ProblemException(
        ErrorCode.INVALID_CURSOR,
        "The cursor is not one this list issued; start again without it.");
  }
}
