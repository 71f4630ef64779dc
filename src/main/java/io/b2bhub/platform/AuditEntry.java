package io.b2bhub.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One contract call as the audit log keeps it: who, what, outcome, when. Deliberately has no field
 * for payloads, headers or addresses, so secrets and personal data cannot end up here.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
  @Id
  @SequenceGenerator(name = "audit_log_seq", sequenceName = "audit_log_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false, length = 16)
  private String direction;

  @Column(name = "partner_id", length = 40)
  private String partnerId;

  @Column(length = 128)
  private String actor;

  @Column(nullable = false, length = 200)
  private String operation;

  @Column(nullable = false, length = 16)
  private String outcome;

  @Column(name = "http_status")
  private Integer httpStatus;

  @Column(name = "error_code", length = 64)
  private String errorCode;

  @Column(name = "correlation_id", nullable = false, length = 128)
  private String correlationId;

  @Column(name = "duration_ms")
  private Long durationMs;

  protected AuditEntry() {}

  public Long id() {
    return id;
  }

  public AuditRecord toRecord() {
    return new AuditRecord(
        occurredAt,
        AuditRecord.Direction.valueOf(direction),
        partnerId,
        actor,
        operation,
        AuditRecord.Outcome.valueOf(outcome),
        httpStatus,
        errorCode,
        correlationId,
        durationMs);
  }
}
