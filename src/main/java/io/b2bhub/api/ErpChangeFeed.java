package io.b2bhub.api;

import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.erp.ErpChange;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the ERP's change feed (invoices, payments, prices) and announces each change once, as the
 * hub's {@code erp.*.v1} events: for the webshop on JMS, and for the hub's own push to the
 * webshop's HTTP endpoints. The feed position moves in the same transaction as the outbox rows, so
 * a crash repeats nothing and loses nothing; several servers may poll, one of them wins each batch.
 */
@ApplicationScoped
public class ErpChangeFeed {
  private static final Logger LOG = Logger.getLogger(ErpChangeFeed.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ErpGateway erp;
  @Inject ErpChangeAnnouncements announcements;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.changes.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.changes.poll-interval-ms", defaultValue = "1000")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.changes.batch", defaultValue = "100")
  int batch;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.read-deadline", defaultValue = "PT5S")
  Duration deadline;

  /** A cycle slower than this is logged with where its time went: the feed's lag is its sum. */
  @Inject
  @ConfigProperty(name = "b2bhub.erp.changes.slow-cycle", defaultValue = "PT3S")
  Duration slowCycle;

  private ScheduledFuture<?> task;
  private volatile boolean erpWasDown;
  private volatile long lastCycleEnded;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (enabled) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::cycle, 3000, pollIntervalMs, TimeUnit.MILLISECONDS);
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  void cycle() {
    warnIfStartedLate();
    CycleTimer timer = new CycleTimer();
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("erp-changes")) {
      boolean more = true;
      while (more) {
        long position = timer.positionRead(announcements::position);
        List<ErpChange> changes = timer.feedRead(() -> erp.changesAfter(position, batch, deadline));
        more =
            !changes.isEmpty()
                && timer.announced(() -> announcements.announce(position, changes))
                && changes.size() == batch;
      }
      if (erpWasDown) {
        LOG.info("ERP change feed readable again");
        erpWasDown = false;
      }
    } catch (ErpUnavailableException e) {
      if (!erpWasDown) {
        LOG.warning(() -> "ERP change feed unreadable, retrying every cycle: " + e.getMessage());
        erpWasDown = true;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ERP change feed cycle failed; retrying on the next cycle", e);
    } finally {
      timer.reportIfSlow(slowCycle);
      lastCycleEnded = System.nanoTime();
    }
  }

  /** A cycle that starts long after its delay means the scheduler had no thread for it. */
  private void warnIfStartedLate() {
    long ended = lastCycleEnded;
    if (ended != 0) {
      long idleMs = (System.nanoTime() - ended) / 1_000_000;
      if (idleMs > pollIntervalMs + slowCycle.toMillis()) {
        LOG.warning(
            () ->
                "ERP change feed cycle started "
                    + (idleMs - pollIntervalMs)
                    + " ms later than its poll interval");
      }
    }
  }
}
