package io.b2bhub.api;

import io.b2bhub.platform.KeysetPosition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Work accepted while the ERP was unavailable (brownout). Stored durably with its request, so the
 * asynchronous path can complete it later; its status URL tells the caller how it went.
 */
@Entity
@Table(name = "erp_pending_request")
@NamedQuery(
    name = "PendingErpRequest.findByState",
    query =
        "SELECT p FROM PendingErpRequest p WHERE p.state = :state AND (p.createdAt > :afterTime"
            + " OR (p.createdAt = :afterTime AND p.id > :afterId)) ORDER BY p.createdAt, p.id")
@NamedQuery(
    name = "PendingErpRequest.findByRequestId",
    query =
        "SELECT p FROM PendingErpRequest p WHERE p.requestId = :requestId"
            + " AND p.partnerId = :partnerId")
@NamedQuery(
    name = "PendingErpRequest.countByKeyPrefix",
    query =
        "SELECT COUNT(p) FROM PendingErpRequest p WHERE p.partnerId = :partnerId"
            + " AND p.operation = :operation AND p.state = 'PENDING'"
            + " AND p.idempotencyKey LIKE :prefix ESCAPE '!'")
public class PendingErpRequest {
  @Id
  @SequenceGenerator(name = "sync_seq", sequenceName = "sync_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_seq")
  private Long id;

  @Column(name = "request_id", nullable = false, length = 36)
  private String requestId;

  @Column(name = "partner_id", nullable = false, length = 40)
  private String partnerId;

  @Column(nullable = false, length = 40)
  private String operation;

  @Column(name = "idempotency_key", nullable = false, length = 300)
  private String idempotencyKey;

  @Column(nullable = false, length = 20000)
  private String payload;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "correlation_id", nullable = false, length = 128)
  private String correlationId;

  @Column(name = "erp_id", length = 40)
  private String erpId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected PendingErpRequest() {}

  PendingErpRequest(
      String partnerId,
      SyncOperation operation,
      String idempotencyKey,
      String payload,
      String lastError,
      String correlationId,
      OffsetDateTime now) {
    this.requestId = UUID.randomUUID().toString();
    this.partnerId = partnerId;
    this.operation = operation.name();
    this.idempotencyKey = idempotencyKey;
    this.payload = payload;
    this.state = "PENDING";
    this.attempts = 1;
    this.lastError =
        lastError == null ? null : lastError.substring(0, Math.min(500, lastError.length()));
    this.correlationId = correlationId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  String requestId() {
    return requestId;
  }

  String partnerId() {
    return partnerId;
  }

  /** The events path gave up on it (dead letter). */
  void failed(String why, OffsetDateTime now) {
    this.state = "FAILED";
    this.lastError = why == null ? null : why.substring(0, Math.min(500, why.length()));
    this.updatedAt = now;
  }

  /** The events path got it into the ERP. */
  void done(String erpId, int attempts, OffsetDateTime now) {
    this.state = "DONE";
    this.erpId = erpId;
    this.attempts = 1 + attempts;
    this.lastError = null;
    this.updatedAt = now;
  }

  KeysetPosition position() {
    return new KeysetPosition(createdAt, id);
  }

  /** What operators see of queued work: never the payload (it may hold personal data). */
  SyncResponses.QueuedForOperators forOperators() {
    return new SyncResponses.QueuedForOperators(
        requestId,
        partnerId,
        operation,
        idempotencyKey,
        state,
        attempts,
        lastError,
        correlationId,
        createdAt.toInstant());
  }

  SyncResponses.RequestStatus view() {
    return new SyncResponses.RequestStatus(
        requestId,
        operation,
        state,
        erpId,
        attempts,
        lastError,
        createdAt.toInstant(),
        updatedAt.toInstant());
  }
}
