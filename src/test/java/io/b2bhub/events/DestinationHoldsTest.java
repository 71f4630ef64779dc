package io.b2bhub.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DestinationHoldsTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private final DestinationHolds holds = new DestinationHolds();

  @Test
  void aRefusedQueueIsLeftAloneForOneSecondAndTheOtherQueueIsNot() {
    long now = 5 * SECOND;
    assertEquals(1, holds.refused(EventDestination.WEBSHOP, now));
    assertTrue(holds.holdsBack(EventDestination.WEBSHOP, now + SECOND - 1));
    assertFalse(holds.holdsBack(EventDestination.WEBSHOP, now + SECOND));
    assertFalse(holds.holdsBack(EventDestination.HUB, now));
  }

  @Test
  void thePauseDoublesWhileTheRefusalsGoOnUpToTenSeconds() {
    long now = 0;
    long[] expectedPauses = {1, 2, 4, 8, 10, 10, 10};
    for (long pause : expectedPauses) {
      holds.refused(EventDestination.WEBSHOP, now);
      assertTrue(holds.holdsBack(EventDestination.WEBSHOP, now + pause * SECOND - 1));
      assertFalse(holds.holdsBack(EventDestination.WEBSHOP, now + pause * SECOND));
      now += pause * SECOND;
    }
  }

  @Test
  void aQueueThatTakesMessagesAgainStartsOverAndReportsTheRefusalsBefore() {
    holds.refused(EventDestination.WEBSHOP, 0);
    holds.refused(EventDestination.WEBSHOP, SECOND);
    assertEquals(2, holds.accepted(EventDestination.WEBSHOP));
    assertFalse(holds.holdsBack(EventDestination.WEBSHOP, SECOND));
    assertEquals(0, holds.accepted(EventDestination.WEBSHOP));
    assertEquals(1, holds.refused(EventDestination.WEBSHOP, 2 * SECOND));
  }
}
