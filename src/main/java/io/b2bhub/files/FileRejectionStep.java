package io.b2bhub.files;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The step a file takes when validation rejected it: nothing was loaded; the files move to error/
 * with the report of every bad line, the transfer is rejected (its sequence is free again for the
 * corrected file), the partner gets an ACK listing the errors, and the rejection is audited.
 */
@Named("fileRejectionStep")
@Dependent
public class FileRejectionStep extends AbstractBatchlet {
  @Inject JobTransfer job;
  @Inject InventoryLoadLedger ledger;
  @Inject FileOutcomes outcomes;

  @Override
  public String process() throws IOException {
    FileTransfer transfer = job.transfer();
    Path work = job.workFolder(transfer);
    FileValidation validation = FileValidation.load(work);
    outcomes.moveToError(transfer.partnerId(), job.files(transfer), validation.rejection());
    if (transfer.status() != FileTransferStatus.REJECTED) {
      ledger.rejected(transfer, validation);
      outcomes.audited(
          transfer.partnerId(),
          "file.reject " + transfer.fileName(),
          validation.code().name(),
          transfer.correlationId());
    }
    outcomes.acknowledge(
        transfer.partnerId(),
        transfer,
        Acknowledgement.Status.REJECTED,
        validation.rejection(),
        null);
    FileWork.remove(work);
    return "REJECTED=" + validation.code().name() + ",ERRORS=" + validation.errorCount();
  }
}
