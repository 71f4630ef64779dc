package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HubSecretsTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private final HubSecrets secrets = new HubSecrets(KEY);

  @Test
  void encryptedSecretsDecryptOnlyUnchanged() {
    byte[] sealed = secrets.encrypt("whsec_abc");
    assertEquals("whsec_abc", secrets.decrypt(sealed));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("whsec_abc"));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> secrets.decrypt(sealed));
  }

  @Test
  void sameSecretEncryptsDifferentlyEachTime() {
    assertNotEquals(
        Base64.getEncoder().encodeToString(secrets.encrypt("s")),
        Base64.getEncoder().encodeToString(secrets.encrypt("s")));
  }

  @Test
  void signaturesAreBoundToTheirPurpose() {
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    byte[] signature = secrets.sign("cursor:a", data);
    assertTrue(secrets.verify("cursor:a", data, signature));
    assertFalse(secrets.verify("cursor:b", data, signature));
  }

  @Test
  void keyMustBe32Bytes() {
    assertThrows(IllegalStateException.class, () -> new HubSecrets("c2hvcnQ="));
  }

  @Test
  void cursorsRoundTripAndRefuseTampering() {
    CursorCodec codec = new CursorCodec();
    codec.secrets = secrets;
    KeysetPosition position =
        new KeysetPosition(OffsetDateTime.parse("2026-01-02T03:04:05.123456Z"), 42);
    String cursor = codec.encode("partners", position);
    assertEquals(position, codec.decode("partners", cursor));
    assertThrows(ProblemException.class, () -> codec.decode("audit", cursor));
    assertThrows(ProblemException.class, () -> codec.decode("partners", "x" + cursor));
    assertThrows(ProblemException.class, () -> codec.decode("partners", "garbage"));
  }
}
