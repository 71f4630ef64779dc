package io.b2bhub.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** The first request made with an Idempotency-Key, and once finished, the answer it got. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {
  @EmbeddedId private Key key;

  @Column(nullable = false, length = 40)
  private String operation;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(name = "claim_id", nullable = false, length = 36)
  private String claimId;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_body", length = 20000)
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(
      Key key,
      String operation,
      String requestHash,
      String claimId,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    this.key = key;
    this.claimId = claimId;
    this.operation = operation;
    this.requestHash = requestHash;
    this.state = "IN_PROGRESS";
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  boolean isCompleted() {
    return "COMPLETED".equals(state);
  }

  boolean sameRequest(String operation, String requestHash) {
    return this.operation.equals(operation) && this.requestHash.equals(requestHash);
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }

  void restart(String claimId, OffsetDateTime now) {
    this.claimId = claimId;
    this.createdAt = now;
  }

  StoredResponse response() {
    return new StoredResponse(responseStatus, responseBody);
  }

  /** A stored answer: status and JSON body. */
  public record StoredResponse(int status, String body) {}

  /** Keys are per partner: two partners may use the same key text independently. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "partner_id", nullable = false, length = 40)
    private String partnerId;

    @Column(name = "idempotency_key", nullable = false, length = 300)
    private String idempotencyKey;

    protected Key() {}

    public Key(String partnerId, String idempotencyKey) {
      this.partnerId = partnerId;
      this.idempotencyKey = idempotencyKey;
    }

    String partnerId() {
      return partnerId;
    }

    String idempotencyKey() {
      return idempotencyKey;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && partnerId.equals(that.partnerId)
          && idempotencyKey.equals(that.idempotencyKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(partnerId, idempotencyKey);
    }
  }
}
