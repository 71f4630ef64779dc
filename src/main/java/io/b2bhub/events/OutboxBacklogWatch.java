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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raises an {@code OUTBOX_BACKLOG_STALE} alert for each queue whose oldest unsent outbox row has
 * waited longer than {@code b2bhub.outbox.backlog-alert-after}: events are not leaving, whatever
 * the cause (a refused queue, no server relaying, a relay that fails). Every server watches, so the
 * alert comes also when no relay runs at all.
 */
@ApplicationScoped
public class OutboxBacklogWatch {
  private static final Logger LOG = Logger.getLogger(OutboxBacklogWatch.class.getName());

  /** The alert kind; its subject is the queue. */
  public static final String OUTBOX_BACKLOG_STALE = "OUTBOX_BACKLOG_STALE";

  private static final Duration ALERT_WINDOW = Duration.ofHours(1);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxStore store;
  @Inject Alerts alerts;

  @Inject
  @ConfigProperty(name = "b2bhub.outbox.backlog-alert-after", defaultValue = "PT2M")
  Duration alertAfter;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    task = scheduler.scheduleWithFixedDelay(this::check, 30, 30, TimeUnit.SECONDS);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  void check() {
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("outbox-watch")) {
      for (EventDestination destination : EventDestination.values()) {
        checkOne(destination);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox backlog check failed; trying again in 30 s", e);
    }
  }

  /** True when the queue's oldest unsent row is older than the threshold and an alert went up. */
  boolean checkOne(EventDestination destination) {
    double waitedSeconds = store.oldestUnsentAgeSeconds(destination);
    if (waitedSeconds * 1000 <= alertAfter.toMillis()) {
      return false;
    }
    alerts.raiseOrCount(
        OUTBOX_BACKLOG_STALE,
        destination.queueName(),
        "The oldest event waiting for "
            + destination.queueName()
            + " has waited "
            + Math.round(waitedSeconds)
            + " s (alert after "
            + alertAfter.toSeconds()
            + " s); "
            + store.backlog(destination)
            + " events wait in the outbox",
        ALERT_WINDOW);
    return true;
  }
}
