package io.b2bhub.files;

import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The outbound pushes' state in file_transfer: which are due, and each attempt's outcome. */
@ApplicationScoped
public class PushLedger {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Alerts alerts;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.retry.file-transfer", defaultValue = "file.transfer,5,600000,full")
  String policyLine;

  @Inject
  @ConfigProperty(name = "b2bhub.files.push.base-delay-ms", defaultValue = "1000")
  long baseDelayMs;

  @Transactional(Transactional.TxType.SUPPORTS)
  FileTransfer find(String transferId) {
    return em.createNamedQuery("FileTransfer.findByTransferId", FileTransfer.class)
        .setParameter("transferId", transferId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<String> due() {
    return em.createNamedQuery("FileTransfer.findDuePushes", FileTransfer.class)
        .setParameter("now", OffsetDateTime.now(clock))
        .setMaxResults(20)
        .getResultStream()
        .map(FileTransfer::transferId)
        .toList();
  }

  Long idOf(String transferId) {
    return em.createQuery(
            "SELECT t.id FROM FileTransfer t WHERE t.transferId = :transferId", Long.class)
        .setParameter("transferId", transferId)
        .getSingleResult();
  }

  /** Records the attempt's outcome: sent, retried later, or given up with an alert. */
  @Transactional
  void recorded(String transferId, String failure) {
    FileTransfer transfer =
        em.find(FileTransfer.class, idOf(transferId), LockModeType.PESSIMISTIC_WRITE);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (failure == null) {
      transfer.pushed(now);
      audited(transfer, AuditRecord.Outcome.SUCCEEDED, null);
      return;
    }
    RetryPolicy policy = RetryPolicy.parse(policyLine, Duration.ofMillis(baseDelayMs));
    int made = transfer.attempts() + 1;
    if (policy.allowsAnotherAttempt(made)) {
      Duration delay = policy.delayAfter(made, null, ThreadLocalRandom.current());
      transfer.pushFailed(failure, now.plus(delay), now);
    } else {
      transfer.pushFailed(failure, null, now);
      alerts.raise(
          "FILE_PUSH_FAILED",
          transfer.partnerId(),
          transfer.fileName() + " not delivered after " + made + " attempts: " + failure);
      audited(transfer, AuditRecord.Outcome.FAILED, "PUSH_FAILED");
    }
  }

  private void audited(FileTransfer transfer, AuditRecord.Outcome outcome, String errorCode) {
    audit.recordWithCurrentWork(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.OUTBOUND,
            transfer.partnerId(),
            "sftp-push",
            "file.push " + transfer.fileName(),
            outcome,
            null,
            errorCode,
            transfer.correlationId(),
            null));
  }
}
