package io.b2bhub.files;

import io.b2bhub.platform.Alerts;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Ties each execution of a file job to its transfer: the transfer shows the current execution, and
 * a failed or stopped execution marks it FAILED with an alert. Failed transfers are never retried
 * by the poller (their files are in the work area, not the inbox): an operator restarts the job.
 */
@Named("fileJobListener")
@Dependent
public class FileJobListener extends AbstractJobListener {
  @Inject JobContext job;
  @Inject JobTransfer current;
  @Inject FileTransfers transfers;
  @Inject Alerts alerts;

  @Override
  public void beforeJob() {
    FileTransfer transfer = current.transfer();
    transfers.jobStarted(transfer.transferId(), job.getInstanceId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    BatchStatus status = job.getBatchStatus();
    if (status == BatchStatus.FAILED
        || status == BatchStatus.STOPPING
        || status == BatchStatus.STOPPED) {
      FileTransfer transfer = current.transfer();
      String detail =
          "job "
              + job.getJobName()
              + " execution "
              + job.getExecutionId()
              + " ended "
              + status
              + "; restart job instance "
              + job.getInstanceId()
              + " to resume from its checkpoint";
      transfers.jobFailed(transfer.transferId(), detail);
      alerts.raise("FILE_JOB_FAILED", transfer.partnerId(), detail);
    }
  }
}
