package io.b2bhub.partners;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartnerStatusTest {
  @Test
  void partnersGoLiveOnlyThroughCertification() {
    assertFalse(PartnerStatus.ONBOARDING.canMoveTo(PartnerStatus.LIVE));
    assertTrue(PartnerStatus.ONBOARDING.canMoveTo(PartnerStatus.CERTIFIED));
    assertTrue(PartnerStatus.CERTIFIED.canMoveTo(PartnerStatus.LIVE));
  }

  @Test
  void anyPartnerCanBeSuspendedAndReinstated() {
    for (PartnerStatus status : PartnerStatus.values()) {
      if (status != PartnerStatus.SUSPENDED) {
        assertTrue(status.canMoveTo(PartnerStatus.SUSPENDED), status.name());
        assertTrue(PartnerStatus.SUSPENDED.canMoveTo(status), status.name());
      }
    }
  }
}
