package io.b2bhub.files;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Ends a file that will not be loaded: its files move to error/ with a report (every bad line with
 * its number, field and reason), the partner gets an ACK in outbox/, the transfer row says why, and
 * the audit log has a row. Nothing is deleted.
 */
@ApplicationScoped
public class FileOutcomes {
  @Inject PartnerFolders folders;
  @Inject FileTransfers transfers;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What a rejection says about the file. */
  public record Rejection(
      FileRejectionCode code,
      List<LineError> errors,
      long errorCount,
      Long recordsDeclared,
      Map<String, Long> declaredTotals,
      Map<String, Long> seenTotals) {
    public static Rejection of(FileRejectionCode code, String reason) {
      return new Rejection(
          code, List.of(new LineError(0, "file", reason)), 1, null, Map.of(), Map.of());
    }
  }

  /** Rejects a file found in the inbox before any job ran for it. */
  public void rejectArrival(
      String partnerId,
      IncomingFileName name,
      FileSet files,
      Rejection rejection,
      String correlationId) {
    moveToError(partnerId, files, rejection);
    FileTransfer transfer =
        transfers.recordUnloaded(
            partnerId,
            name == null ? null : name.flow(),
            files.fileName(),
            name == null ? null : name.sequence(),
            FileTransferStatus.REJECTED,
            rejection.code(),
            summary(rejection),
            correlationId);
    acknowledge(partnerId, transfer, Acknowledgement.Status.REJECTED, rejection, null);
    audited(partnerId, "file.reject " + files.fileName(), rejection.code().name(), correlationId);
  }

  /** A file whose sequence was already taken (B-101): ignored, kept in error/, audited. */
  public void ignoreDuplicate(
      String partnerId, IncomingFileName name, FileSet files, String holder, String correlationId) {
    Rejection rejection =
        Rejection.of(
            FileRejectionCode.DUPLICATE_SEQUENCE,
            "sequence "
                + name.sequence()
                + " of flow "
                + name.flow()
                + " was already received (transfer "
                + holder
                + ")");
    moveToError(partnerId, files, rejection);
    FileTransfer transfer =
        transfers.recordUnloaded(
            partnerId,
            name.flow(),
            files.fileName(),
            name.sequence(),
            FileTransferStatus.DUPLICATE,
            FileRejectionCode.DUPLICATE_SEQUENCE,
            summary(rejection),
            correlationId);
    acknowledge(partnerId, transfer, Acknowledgement.Status.DUPLICATE, rejection, holder);
    audited(
        partnerId,
        "file.duplicate " + files.fileName(),
        FileRejectionCode.DUPLICATE_SEQUENCE.name(),
        correlationId);
  }

  /** Moves the set to error/ and writes its report; safe to repeat. */
  void moveToError(String partnerId, FileSet files, Rejection rejection) {
    Path error = folders.folder(partnerId, PartnerFolders.ERROR);
    try {
      for (Path file : files.present()) {
        FileMoves.moveIfPresent(file, error, files.targetName(file));
      }
      FileMoves.writeAtomically(
          error,
          files.fileName() + ".report.csv",
          report(rejection).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the ACK into the partner's outbox/ as {@code <file>.ack.json}: the latest outcome of a
   * file of that name (a re-sent duplicate's ACK replaces the first one's).
   */
  void acknowledge(
      String partnerId,
      FileTransfer transfer,
      Acknowledgement.Status status,
      Rejection rejection,
      String duplicateOf) {
    Acknowledgement ack =
        new Acknowledgement(
            transfer.fileName(),
            transfer.transferId(),
            status,
            transfer.receivedAt().toInstant(),
            Instant.now(clock),
            rejection.recordsDeclared(),
            0,
            rejection.declaredTotals(),
            rejection.seenTotals(),
            rejection.code(),
            rejection.errors(),
            rejection.errorCount(),
            duplicateOf);
    writeAck(partnerId, ack);
  }

  void writeAck(String partnerId, Acknowledgement ack) {
    try {
      Files.createDirectories(folders.folder(partnerId, PartnerFolders.OUTBOX));
      FileMoves.replaceAtomically(
          folders.folder(partnerId, PartnerFolders.OUTBOX),
          ack.file() + ".ack.json",
          ack.toJson().toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void audited(String partnerId, String operation, String errorCode, String correlationId) {
    audit.record(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.INBOUND,
            partnerId,
            "sftp:" + partnerId,
            operation,
            errorCode == null ? AuditRecord.Outcome.SUCCEEDED : AuditRecord.Outcome.REJECTED,
            null,
            errorCode,
            correlationId,
            null));
  }

  static String summary(Rejection rejection) {
    StringBuilder detail = new StringBuilder(rejection.code().name());
    rejection.errors().stream()
        .limit(5)
        .forEach(
            e ->
                detail
                    .append("; line ")
                    .append(e.line())
                    .append(' ')
                    .append(e.field())
                    .append(": ")
                    .append(e.reason()));
    if (rejection.errorCount() > 5) {
      detail.append("; ").append(rejection.errorCount() - 5).append(" more");
    }
    return detail.toString();
  }

  private static String report(Rejection rejection) {
    StringBuilder csv = new StringBuilder("line,field,reason\n");
    for (LineError e : rejection.errors()) {
      csv.append(e.line())
          .append(',')
          .append(e.field())
          .append(",\"")
          .append(e.reason().replace("\"", "\"\""))
          .append("\"\n");
    }
    if (rejection.errorCount() > rejection.errors().size()) {
      csv.append("0,file,\"")
          .append(rejection.errorCount() - rejection.errors().size())
          .append(" more errors not listed\"\n");
    }
    return csv.toString();
  }
}
