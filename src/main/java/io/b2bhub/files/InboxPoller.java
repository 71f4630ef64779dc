package io.b2bhub.files;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scans every partner inbox on a fixed delay, and one partner's inbox at once when its SFTP session
 * renames or closes an upload. One scan per partner at a time on this server; between servers the
 * atomic move into the work area decides who takes a file.
 */
@ApplicationScoped
public class InboxPoller {
  private static final Logger LOG = Logger.getLogger(InboxPoller.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject InboxIntake intake;
  @Inject PartnerFolders folders;
  @Inject FileSettings settings;

  private static final long KICK_CHECK_MS = 250;

  private final Map<String, ReentrantLock> scanning = new ConcurrentHashMap<>();
  private final Queue<String> kicked = new ConcurrentLinkedQueue<>();
  private ScheduledFuture<?> task;
  private long ticks;
  private long fullScanEvery = 8;

  /**
   * Called from {@link FileServicesStartup} on the web module's thread, so the scheduled task
   * carries the module's context (the batch runtime needs it to know which application's jobs to
   * start).
   */
  void start() {
    long interval = settings.pollInterval().toMillis();
    task =
        scheduler.scheduleWithFixedDelay(
            this::tick, KICK_CHECK_MS, KICK_CHECK_MS, TimeUnit.MILLISECONDS);
    fullScanEvery = Math.max(1, interval / KICK_CHECK_MS);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /**
   * Asks for a scan of one partner's inbox soon (an upload just completed). Called on SFTP threads,
   * which have no application context; the poller's own task does the scan.
   */
  public void kick(String partnerId) {
    kicked.add(partnerId);
  }

  private void tick() {
    if (++ticks % fullScanEvery == 0) {
      kicked.clear();
      scanAll();
      return;
    }
    String partnerId;
    while ((partnerId = kicked.poll()) != null) {
      scan(partnerId);
    }
  }

  void scanAll() {
    try {
      for (String partnerId : folders.partnersWithRoots()) {
        scan(partnerId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Inbox scan failed; the next one retries", e);
    }
  }

  private void scan(String partnerId) {
    ReentrantLock lock = scanning.computeIfAbsent(partnerId, id -> new ReentrantLock());
    if (!lock.tryLock()) {
      return;
    }
    try {
      intake.scan(partnerId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Inbox scan of partner " + partnerId + " failed", e);
    } finally {
      lock.unlock();
    }
  }
}
