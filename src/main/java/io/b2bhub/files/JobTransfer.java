package io.b2bhub.files;

import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** The transfer the running job works on, and where its files wait. */
@Dependent
public class JobTransfer {
  @Inject JobContext job;
  @Inject FileTransfers transfers;
  @Inject PartnerFolders folders;

  public FileTransfer transfer() {
    return transfers.ofJob(
        job.getInstanceId(), job.getProperties().getProperty(FileJobs.TRANSFER_ID));
  }

  Path workFolder(FileTransfer transfer) {
    return folders.workOf(transfer.partnerId(), transfer.transferId());
  }

  /** The file the job reads: the upload itself, or its decrypted content for a .pgp upload. */
  Path dataToLoad(FileTransfer transfer) {
    String name = transfer.fileName();
    return name.endsWith(".pgp") || name.endsWith(".gpg")
        ? workFolder(transfer).resolve(plaintextName(name))
        : workFolder(transfer).resolve(name);
  }

  static String plaintextName(String fileName) {
    return fileName.endsWith(".pgp") || fileName.endsWith(".gpg")
        ? ".plaintext-" + fileName.substring(0, fileName.length() - 4)
        : fileName;
  }

  FileSet files(FileTransfer transfer) {
    return FileSet.in(workFolder(transfer), transfer.fileName());
  }
}
