package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ResourceAllocationException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the outbox relay (sandbox profile only): make it stop between handing a batch
 * to JMS and marking it sent, as a crash there would, to watch the resend and the consumers'
 * inboxes absorb the duplicates; or make a queue refuse messages, as a full queue does, to watch
 * the other queues keep flowing.
 */
@ApplicationScoped
public class RelayFaults {
  private final AtomicInteger crashesAfterSend = new AtomicInteger();
  private volatile Set<EventDestination> refused = Set.of();

  public int crashesAfterSend() {
    return crashesAfterSend.get();
  }

  public void crashAfterSend(int batches) {
    crashesAfterSend.set(batches);
  }

  public Set<EventDestination> refusedDestinations() {
    return refused;
  }

  public void refuse(Set<EventDestination> destinations) {
    refused = destinations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(destinations));
  }

  /** True (once per armed batch) when the relay should stop right after sending. */
  boolean takeCrashAfterSend() {
    return crashesAfterSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Throws what the engine throws for a queue at its maximum depth, while that fault is armed. */
  void refuseIfArmed(EventDestination destination) throws ResourceAllocationException {
    if (refused.contains(destination)) {
      throw new ResourceAllocationException(
          "Injected fault: " + destination.queueName() + " refuses messages as a full queue does");
    }
  }
}
