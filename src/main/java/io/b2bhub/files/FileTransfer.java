package io.b2bhub.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One file received from or sent to a partner, and everything that became of it. */
@Entity
@Table(name = "file_transfer")
@NamedQuery(
    name = "FileTransfer.findByTransferId",
    query = "SELECT t FROM FileTransfer t WHERE t.transferId = :transferId")
@NamedQuery(
    name = "FileTransfer.findByJobInstance",
    query = "SELECT t FROM FileTransfer t WHERE t.jobInstanceId = :instanceId")
@NamedQuery(
    name = "FileTransfer.findByPartner",
    query =
        "SELECT t FROM FileTransfer t WHERE t.partnerId = :partnerId"
            + " ORDER BY t.receivedAt DESC, t.id DESC")
@NamedQuery(
    name = "FileTransfer.findDuePushes",
    query =
        "SELECT t FROM FileTransfer t WHERE t.status = io.b2bhub.files.FileTransferStatus.SENDING"
            + " AND t.nextAttemptAt <= :now ORDER BY t.nextAttemptAt")
@NamedQuery(
    name = "FileTransfer.lastOutboundSequence",
    query =
        "SELECT MAX(t.sequenceNo) FROM FileTransfer t WHERE t.partnerId = :partnerId"
            + " AND t.flow = :flow AND t.direction = 'OUT'")
@NamedQuery(
    name = "FileTransfer.countInFlight",
    query =
        "SELECT COUNT(t) FROM FileTransfer t WHERE t.partnerId = :partnerId AND t.flow = :flow"
            + " AND t.direction = 'IN' AND t.status = io.b2bhub.files.FileTransferStatus.PROCESSING")
public class FileTransfer {
  @Id
  @SequenceGenerator(
      name = "file_transfer_seq",
      sequenceName = "file_transfer_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "file_transfer_seq")
  private Long id;

  @Column(name = "transfer_id", nullable = false, length = 36)
  private String transferId;

  @Column(name = "partner_id", nullable = false, length = 40)
  private String partnerId;

  @Column(nullable = false, length = 8)
  private String direction;

  @Column(nullable = false, length = 40)
  private String flow;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "sequence_no")
  private Long sequenceNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private FileTransferStatus status;

  @Column(length = 64)
  private String sha256;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(name = "records_declared")
  private Long recordsDeclared;

  @Column(name = "records_accepted")
  private Long recordsAccepted;

  @Column(name = "control_totals", length = 2000)
  private String controlTotals;

  @Column(name = "error_code", length = 64)
  private String errorCode;

  @Column(name = "error_detail", length = 2000)
  private String errorDetail;

  @Column(name = "job_instance_id")
  private Long jobInstanceId;

  @Column(name = "job_execution_id")
  private Long jobExecutionId;

  @Column(name = "correlation_id", nullable = false, length = 128)
  private String correlationId;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private OffsetDateTime nextAttemptAt;

  protected FileTransfer() {}

  FileTransfer(
      String direction,
      String partnerId,
      String flow,
      String fileName,
      Long sequenceNo,
      FileTransferStatus status,
      String correlationId,
      OffsetDateTime now) {
    this.transferId = UUID.randomUUID().toString();
    this.direction = direction;
    this.partnerId = partnerId;
    this.flow = flow;
    this.fileName = fileName;
    this.sequenceNo = sequenceNo;
    this.status = status;
    this.correlationId = correlationId;
    this.receivedAt = now;
  }

  void describe(String sha256, long sizeBytes, Long recordsDeclared) {
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.recordsDeclared = recordsDeclared;
  }

  void jobStarted(long instanceId, long executionId) {
    this.jobInstanceId = instanceId;
    this.jobExecutionId = executionId;
    if (status == FileTransferStatus.COMPLETED || status == FileTransferStatus.REJECTED) {
      return;
    }
    this.status = FileTransferStatus.PROCESSING;
    this.errorCode = null;
    this.errorDetail = null;
  }

  void finished(
      FileTransferStatus outcome,
      Long recordsAccepted,
      String controlTotals,
      String errorCode,
      String errorDetail,
      OffsetDateTime now) {
    this.status = outcome;
    this.recordsAccepted = recordsAccepted;
    this.controlTotals = controlTotals;
    this.errorCode = errorCode;
    this.errorDetail = errorDetail == null ? null : truncate(errorDetail, 2000);
    this.completedAt = now;
  }

  /** An outbound file waits for its first push now. */
  void pushDue(OffsetDateTime now) {
    this.status = FileTransferStatus.SENDING;
    this.nextAttemptAt = now;
  }

  /** A failed push: tried again at {@code next}, or given up when {@code next} is null. */
  void pushFailed(String detail, OffsetDateTime next, OffsetDateTime now) {
    this.attempts++;
    this.errorCode = "PUSH_FAILED";
    this.errorDetail = truncate(detail, 2000);
    this.nextAttemptAt = next;
    if (next == null) {
      this.status = FileTransferStatus.SEND_FAILED;
      this.completedAt = now;
    }
  }

  void pushed(OffsetDateTime now) {
    this.attempts++;
    this.status = FileTransferStatus.SENT;
    this.errorCode = null;
    this.errorDetail = null;
    this.nextAttemptAt = null;
    this.completedAt = now;
  }

  public int attempts() {
    return attempts;
  }

  void jobFailed(String detail) {
    this.status = FileTransferStatus.FAILED;
    this.errorCode = "JOB_FAILED";
    this.errorDetail = truncate(detail, 2000);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  public String transferId() {
    return transferId;
  }

  public String partnerId() {
    return partnerId;
  }

  public String flow() {
    return flow;
  }

  public String fileName() {
    return fileName;
  }

  public Long sequenceNo() {
    return sequenceNo;
  }

  public FileTransferStatus status() {
    return status;
  }

  public String sha256() {
    return sha256;
  }

  public Long recordsDeclared() {
    return recordsDeclared;
  }

  public String correlationId() {
    return correlationId;
  }

  public OffsetDateTime receivedAt() {
    return receivedAt;
  }

  public Long jobExecutionId() {
    return jobExecutionId;
  }

  public FileTransferView view() {
    return new FileTransferView(
        transferId,
        partnerId,
        direction,
        flow,
        fileName,
        sequenceNo,
        status.name(),
        sha256,
        sizeBytes,
        recordsDeclared,
        recordsAccepted,
        controlTotals,
        errorCode,
        errorDetail,
        jobInstanceId,
        jobExecutionId,
        correlationId,
        receivedAt.toInstant().toString(),
        completedAt == null ? null : completedAt.toInstant().toString(),
        attempts);
  }

  /** A transfer as operators and partners see it. */
  public record FileTransferView(
      String transferId,
      String partnerId,
      String direction,
      String flow,
      String fileName,
      Long sequence,
      String status,
      String sha256,
      Long sizeBytes,
      Long recordsDeclared,
      Long recordsAccepted,
      String controlTotals,
      String errorCode,
      String errorDetail,
      Long jobInstanceId,
      Long jobExecutionId,
      String correlationId,
      String receivedAt,
      String completedAt,
      int attempts) {}
}
