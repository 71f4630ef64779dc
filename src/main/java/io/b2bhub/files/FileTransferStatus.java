package io.b2bhub.files;

/** What became of a file (see the file_transfer migration for each state's meaning). */
public enum FileTransferStatus {
  PROCESSING,
  COMPLETED,
  REJECTED,
  DUPLICATE,
  FAILED,
  PUBLISHED,
  SENDING,
  SENT,
  SEND_FAILED
}
