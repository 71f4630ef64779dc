package io.b2bhub.events;

import io.b2bhub.platform.CorrelationContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves outbox rows to JMS. Each server's relay leases outbox partitions (renewed well before they
 * expire) and sends the unsent rows of its partitions in id order, so one aggregate's events leave
 * in the order they were written even with several servers on one database.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 200;
  private static final int LEASE_SECONDS = 10;
  private static final long RENEW_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxStore store;
  @Inject JmsEventSender sender;
  @Inject RelayFaults faults;

  @Inject
  @ConfigProperty(name = "b2bhub.outbox.poll-interval-ms", defaultValue = "100")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "b2bhub.outbox.relay.enabled", defaultValue = "true")
  boolean enabled;

  private final String owner = "relay-" + UUID.randomUUID();
  private volatile List<Integer> owned = List.of();
  private volatile long leasedAt;
  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (enabled) {
      // The first runs may meet a schema still being migrated; a failed cycle just tries again.
      task =
          scheduler.scheduleWithFixedDelay(
              this::cycle, 2000, pollIntervalMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Before the application's resources close: stop relaying and give the leases back. */
  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
      try {
        store.release(owner);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Outbox leases not released; they expire on their own", e);
      }
    }
  }

  void cycle() {
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("outbox-relay")) {
      renewLeases();
      if (owned.isEmpty()) {
        return;
      }
      List<OutboxEvent> batch;
      do {
        batch = store.unsent(owned, BATCH);
        if (batch.isEmpty()) {
          return;
        }
        List<Long> sent = sender.send(batch);
        if (faults.takeCrashAfterSend()) {
          throw new IllegalStateException("Injected fault: relay stopped between send and mark");
        }
        store.markSent(sent);
        if (sent.size() < batch.size()) {
          return;
        }
      } while (batch.size() == BATCH && leaseStillFresh());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox relay cycle failed; retrying on the next cycle", e);
    }
  }

  private void renewLeases() {
    if (!leaseStillFresh()) {
      owned = List.copyOf(store.lease(owner, LEASE_SECONDS));
      leasedAt = System.nanoTime();
    }
  }

  private boolean leaseStillFresh() {
    return System.nanoTime() - leasedAt < RENEW_EVERY_NANOS;
  }
}
