package io.b2bhub.files;

import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes queued outbound files to partners' SFTP servers. Attempts and the next attempt's time are
 * in the transfer row, so a restart loses no retry; the delay follows the file.transfer policy
 * (capped exponential backoff, full jitter) and never holds a thread. When the attempts are spent,
 * the transfer is SEND_FAILED with an alert; the file stays in outbox/ for the partner.
 */
@ApplicationScoped
public class SftpPushWorker {
  private static final Logger LOG = Logger.getLogger(SftpPushWorker.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject SftpPush push;
  @Inject PushLedger ledger;
  @Inject PartnerSftpTargets targets;
  @Inject PartnerFolders folders;
  @Inject Alerts alerts;
  @Inject AuditLog audit;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void start() {
    task = scheduler.scheduleWithFixedDelay(this::pushDue, 1, 1, TimeUnit.SECONDS);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  void pushDue() {
    try {
      for (String transferId : ledger.due()) {
        attempt(transferId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbound SFTP pushes not run; the next cycle retries", e);
    }
  }

  private void attempt(String transferId) {
    FileTransfer transfer = ledger.find(transferId);
    if (transfer == null) {
      return;
    }
    String detail;
    try {
      PartnerSftpTargets.SftpTarget target =
          targets.of(transfer.partnerId()).orElseThrow(() -> new IOException("no SFTP target"));
      Path outbox = folders.folder(transfer.partnerId(), PartnerFolders.OUTBOX);
      String name = transfer.fileName();
      push.push(
          target,
          List.of(
              outbox.resolve(name),
              outbox.resolve(name + ".sha256"),
              outbox.resolve(name + ".manifest.json")));
      ledger.recorded(transferId, null);
      return;
    } catch (IOException | RuntimeException e) {
      detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    ledger.recorded(transferId, detail);
  }
}
