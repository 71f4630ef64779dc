package io.b2bhub.events;

import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.CorrelationContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * in the order they were written even with several servers on one database. Each queue is relayed
 * on its own, a batch at a time in turn: a queue that refuses messages (full, because its reader
 * stopped) keeps its rows unsent, in order, and raises an alert, while the other queues flow on.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 200;
  private static final int LEASE_SECONDS = 10;
  private static final long RENEW_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);

  /** The alert kind for a queue that refuses the relay's messages; its subject is the queue. */
  public static final String OUTBOX_QUEUE_REFUSED = "OUTBOX_QUEUE_REFUSED";

  private static final Duration ALERT_WINDOW = Duration.ofHours(1);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxStore store;
  @Inject JmsEventSender sender;
  @Inject RelayFaults faults;
  @Inject Alerts alerts;

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
  private final DestinationHolds holds = new DestinationHolds();

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
      boolean more;
      do {
        more = false;
        for (EventDestination destination : EventDestination.values()) {
          if (!holds.holdsBack(destination, System.nanoTime())) {
            more |= relayBatch(destination);
          }
        }
      } while (more && leaseStillFresh());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox relay cycle failed; retrying on the next cycle", e);
    }
  }

  /** Sends one batch to the queue; true when a full batch went and more may be waiting. */
  private boolean relayBatch(EventDestination destination) {
    List<OutboxEvent> batch = store.unsent(owned, destination, BATCH);
    if (batch.isEmpty()) {
      return false;
    }
    JmsEventSender.Sent sent;
    try {
      sent = sender.send(destination, batch);
    } catch (RuntimeException commitFailed) {
      // The engine took the messages but could not commit them (a full store): none was sent.
      refused(destination, commitFailed);
      return false;
    }
    if (faults.takeCrashAfterSend()) {
      throw new IllegalStateException("Injected fault: relay stopped between send and mark");
    }
    if (!sent.ids().isEmpty()) {
      store.markSent(sent.ids());
    }
    if (sent.refused()) {
      refused(destination, sent.refusal());
      return false;
    }
    int refusalsBefore = holds.accepted(destination);
    if (refusalsBefore > 0) {
      LOG.info(
          () ->
              "Queue "
                  + destination.queueName()
                  + " takes messages again after "
                  + refusalsBefore
                  + " refused attempts");
    }
    return sent.ids().size() == BATCH;
  }

  private void refused(EventDestination destination, Exception refusal) {
    int refusals = holds.refused(destination, System.nanoTime());
    String message =
        "The messaging engine refused events for "
            + destination.queueName()
            + " ("
            + rootMessage(refusal)
            + "); they stay in the outbox, in order, and leave once the queue takes messages"
            + " again";
    if (refusals == 1) {
      LOG.log(Level.WARNING, message, refusal);
    } else {
      LOG.fine(message);
    }
    try {
      alerts.raiseOrCount(OUTBOX_QUEUE_REFUSED, destination.queueName(), message, ALERT_WINDOW);
    } catch (RuntimeException alertFailed) {
      LOG.log(Level.WARNING, "Could not raise the alert for a refused queue", alertFailed);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
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
