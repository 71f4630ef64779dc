package io.b2bhub.files;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Last step of inventory-import, after the load has committed: the files move to archive/ (read
 * only, with their checksum and manifest), the transfer completes with its event and audit row, and
 * the partner's ACK is written. A restart of this step repeats only what is not done yet.
 */
@Named("inventoryTransferCompletion")
@Dependent
public class InventoryTransferCompletion extends AbstractBatchlet {
  @Inject JobTransfer job;
  @Inject InventoryLoadLedger ledger;
  @Inject FileOutcomes outcomes;
  @Inject PartnerFolders folders;

  @Override
  public String process() throws IOException {
    FileTransfer transfer = job.transfer();
    Path work = job.workFolder(transfer);
    FileValidation validation = FileValidation.load(work);
    InventoryLoadLedger.Applied applied = ledger.applied(transfer.transferId());
    archive(transfer, job.files(transfer));
    if (transfer.status() != FileTransferStatus.COMPLETED) {
      ledger.completed(transfer, validation, applied);
    }
    outcomes.writeAck(
        transfer.partnerId(),
        new Acknowledgement(
            transfer.fileName(),
            transfer.transferId(),
            Acknowledgement.Status.ACCEPTED,
            transfer.receivedAt().toInstant(),
            java.time.Instant.now(),
            validation.declaredRecords(),
            validation.records(),
            validation.declaredTotals(),
            validation.seenTotals(),
            null,
            java.util.List.of(),
            0,
            null));
    FileWork.remove(work);
    return "LOADED=" + validation.records() + ",APPLIED=" + applied.rows();
  }

  private void archive(FileTransfer transfer, FileSet files) throws IOException {
    Path archive = folders.folder(transfer.partnerId(), PartnerFolders.ARCHIVE);
    for (Path file : files.present()) {
      Path archived = FileMoves.moveInto(archive, file, files.targetName(file));
      try {
        Files.setPosixFilePermissions(archived, PosixFilePermissions.fromString("r--r-----"));
      } catch (UnsupportedOperationException e) {
        archived.toFile().setReadOnly();
      }
    }
  }
}
