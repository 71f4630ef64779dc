package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the outbox relay (sandbox profile only): make it stop between handing a batch
 * to JMS and marking it sent, as a crash there would, to watch the resend and the consumers'
 * inboxes absorb the duplicates.
 */
@ApplicationScoped
public class RelayFaults {
  private final AtomicInteger crashesAfterSend = new AtomicInteger();

  public int crashesAfterSend() {
    return crashesAfterSend.get();
  }

  public void crashAfterSend(int batches) {
    crashesAfterSend.set(batches);
  }

  /** True (once per armed batch) when the relay should stop right after sending. */
  boolean takeCrashAfterSend() {
    return crashesAfterSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
