package io.b2bhub.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.b2bhub.platform.ProblemException;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
  // A key from ssh-keygen -t ed25519; ssh-keygen -lf prints the fingerprint below.
  private static final String KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

  @Test
  void fingerprintMatchesSshKeygenAndTheCommentIsDropped() {
    SshPublicKey key = SshPublicKey.parse(KEY + " alice@laptop");
    assertEquals("ssh-ed25519", key.type());
    assertEquals(KEY, key.openSshLine());
    assertEquals("SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU", key.fingerprint());
  }

  @Test
  void keysWhoseBodyDoesNotMatchTheirTypeAreRefused() {
    String rsaBodyWithEd25519Label = "ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ==";
    assertThrows(ProblemException.class, () -> SshPublicKey.parse(rsaBodyWithEd25519Label));
    assertThrows(ProblemException.class, () -> SshPublicKey.parse("ssh-dss AAAAB3NzaC1kc3M="));
    assertThrows(ProblemException.class, () -> SshPublicKey.parse("not a key"));
    assertThrows(ProblemException.class, () -> SshPublicKey.parse(null));
  }
}
