package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadSignatureTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_764_583_200L);
  private static final byte[] BODY = "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration WINDOW = Duration.ofMinutes(5);

  @Test
  void theHeaderIsTheDocumentedHmacOfTimestampDotBody() {
    // The same value as the worked example a partner can recompute with openssl:
    // printf '1764583200.{"orderId":"o-1"}' | openssl dgst -sha256 -hmac whsec_test
    String header = PayloadSignature.header(List.of("whsec_test"), NOW, BODY);
    assertEquals(
        "t=1764583200,v1=04279dcfb5a7f8e7ac49ab5aed97b4101ecde10f05697d9a7e4e968594e3f4e9", header);
  }

  @Test
  void duringARotationEitherSecretVerifies() {
    String header = PayloadSignature.header(List.of("old", "new"), NOW, BODY);

    assertEquals(
        PayloadSignature.Verdict.VALID,
        PayloadSignature.verify(header, BODY, List.of("new"), WINDOW, NOW));
    assertEquals(
        PayloadSignature.Verdict.VALID,
        PayloadSignature.verify(header, BODY, List.of("old"), WINDOW, NOW));
  }

  @Test
  void aTamperedBodyAnotherSecretAStaleTimestampOrNoHeaderAreRefused() {
    String header = PayloadSignature.header(List.of("s"), NOW, BODY);
    byte[] tampered = "{\"orderId\":\"o-2\"}".getBytes(StandardCharsets.UTF_8);

    assertEquals(
        PayloadSignature.Verdict.INVALID,
        PayloadSignature.verify(header, tampered, List.of("s"), WINDOW, NOW));
    assertEquals(
        PayloadSignature.Verdict.INVALID,
        PayloadSignature.verify(header, BODY, List.of("other"), WINDOW, NOW));
    assertEquals(
        PayloadSignature.Verdict.EXPIRED,
        PayloadSignature.verify(header, BODY, List.of("s"), WINDOW, NOW.plusSeconds(301)));
    assertEquals(
        PayloadSignature.Verdict.MISSING,
        PayloadSignature.verify(null, BODY, List.of("s"), WINDOW, NOW));
    assertEquals(
        PayloadSignature.Verdict.MALFORMED,
        PayloadSignature.verify("t=abc,v1=zz", BODY, List.of("s"), WINDOW, NOW));
  }
}
