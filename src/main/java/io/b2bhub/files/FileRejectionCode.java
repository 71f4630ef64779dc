package io.b2bhub.files;

/**
 * Why a file was not loaded; stable codes, written in ACK files, reports and the audit log (the
 * catalogue is in docs/errors.md).
 */
public enum FileRejectionCode {
  FILE_NAME_INVALID,
  FLOW_UNSUPPORTED,
  CHECKSUM_MISSING,
  CHECKSUM_MISMATCH,
  MANIFEST_MISSING,
  MANIFEST_INVALID,
  MANIFEST_MISMATCH,
  ENCRYPTION_REQUIRED,
  DECRYPTION_FAILED,
  PGP_SIGNATURE_INVALID,
  STRUCTURE_INVALID,
  CONTROL_TOTALS_MISMATCH,
  DUPLICATE_SEQUENCE
}
