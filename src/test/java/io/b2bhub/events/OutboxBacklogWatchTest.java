package io.b2bhub.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.b2bhub.platform.Alerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxBacklogWatchTest {
  private final Map<EventDestination, Double> oldestWaited = new EnumMap<>(EventDestination.class);
  private final List<String> raised = new ArrayList<>();
  private final OutboxBacklogWatch watch = new OutboxBacklogWatch();

  @BeforeEach
  void aWatchWithATwoMinuteThreshold() {
    watch.alertAfter = Duration.ofMinutes(2);
    watch.store =
        new OutboxStore() {
          @Override
          public double oldestUnsentAgeSeconds(EventDestination destination) {
            return oldestWaited.getOrDefault(destination, 0.0);
          }

          @Override
          public long backlog(EventDestination destination) {
            return 1234;
          }
        };
    watch.alerts =
        new Alerts() {
          @Override
          public void raiseOrCount(String kind, String subject, String message, Duration window) {
            raised.add(kind + "|" + subject + "|" + message);
          }
        };
  }

  @Test
  void aQueueWhoseOldestEventWaitedLongerThanTheThresholdRaisesAnAlertNamingIt() {
    oldestWaited.put(EventDestination.WEBSHOP, 121.0);
    oldestWaited.put(EventDestination.HUB, 3.0);

    watch.check();

    assertEquals(
        List.of(
            "OUTBOX_BACKLOG_STALE|b2bhub.webshop.events|The oldest event waiting for"
                + " b2bhub.webshop.events has waited 121 s (alert after 120 s); 1234 events wait"
                + " in the outbox"),
        raised);
  }

  @Test
  void aBacklogYoungerThanTheThresholdRaisesNothing() {
    oldestWaited.put(EventDestination.WEBSHOP, 120.0);
    assertFalse(watch.checkOne(EventDestination.WEBSHOP));
    assertFalse(watch.checkOne(EventDestination.HUB));
    assertTrue(raised.isEmpty());
  }
}
