package io.b2bhub.events;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The queues the relay leaves alone for a while because the engine refused them (a full queue, a
 * send not allowed): the pause doubles from one second up to ten while the refusals go on, so a
 * stuck queue costs one attempt now and then and never delays the others. Used by the relay's
 * thread only.
 */
final class DestinationHolds {
  private static final long FIRST_HOLD_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long LONGEST_HOLD_NANOS = Duration.ofSeconds(10).toNanos();

  private record Hold(int refusals, long until) {}

  private final Map<EventDestination, Hold> holds = new EnumMap<>(EventDestination.class);

  boolean holdsBack(EventDestination destination, long nowNanos) {
    Hold hold = holds.get(destination);
    return hold != null && nowNanos - hold.until() < 0;
  }

  /** Records a refusal; returns how many refusals in a row the queue has now had. */
  int refused(EventDestination destination, long nowNanos) {
    Hold previous = holds.get(destination);
    int refusals = previous == null ? 1 : previous.refusals() + 1;
    long pause = FIRST_HOLD_NANOS << Math.min(refusals - 1, 5);
    holds.put(destination, new Hold(refusals, nowNanos + Math.min(pause, LONGEST_HOLD_NANOS)));
    return refusals;
  }

  /** Records that the queue took messages; returns how many refusals came before (0 if none). */
  int accepted(EventDestination destination) {
    Hold previous = holds.remove(destination);
    return previous == null ? 0 : previous.refusals();
  }
}
