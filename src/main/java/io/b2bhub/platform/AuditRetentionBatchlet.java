package io.b2bhub.platform;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Batch step of the {@code audit-retention} job: deletes audit rows older than the retention
 * period, a bounded slice per transaction, and reports how many it removed as the exit status.
 */
@Named
@Dependent
public class AuditRetentionBatchlet extends AbstractBatchlet {
  private static final Logger LOG = Logger.getLogger(AuditRetentionBatchlet.class.getName());

  @Inject AuditLog auditLog;
  @Inject Clock clock;
  @Inject StepContext stepContext;

  @Inject
  @BatchProperty(name = "retentionDays")
  String retentionDays;

  @Inject
  @BatchProperty(name = "batchSize")
  String batchSize;

  private volatile boolean stopRequested;

  @Override
  public String process() {
    try (CorrelationContext.Scope ignored =
        CorrelationContext.bindNew("audit-retention-" + stepContext.getStepExecutionId())) {
      return purge();
    }
  }

  private String purge() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).minusDays(Long.parseLong(retentionDays));
    int slice = Integer.parseInt(batchSize);
    long deleted = 0;
    int removed;
    do {
      removed = auditLog.deleteOlderThan(cutoff, slice);
      deleted += removed;
    } while (removed == slice && !stopRequested);
    long total = deleted;
    LOG.info(() -> "Audit retention removed " + total + " row(s) older than " + cutoff);
    stepContext.setExitStatus("DELETED=" + total);
    return stopRequested ? "STOPPED" : "COMPLETED";
  }

  @Override
  public void stop() {
    stopRequested = true;
  }
}
