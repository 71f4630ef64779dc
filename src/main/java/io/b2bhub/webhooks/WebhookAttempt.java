package io.b2bhub.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One attempt of a delivery, kept as evidence: when, the answer, how long it took. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(
    name = "WebhookAttempt.findByDelivery",
    query = "SELECT a FROM WebhookAttempt a WHERE a.deliveryId = :deliveryId ORDER BY a.attempt")
public class WebhookAttempt {
  @Id
  @SequenceGenerator(
      name = "webhook_attempt_seq",
      sequenceName = "webhook_attempt_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
  private Long id;

  @Column(name = "delivery_id", nullable = false)
  private long deliveryId;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "attempted_at", nullable = false)
  private OffsetDateTime attemptedAt;

  @Column(name = "http_status")
  private Integer httpStatus;

  @Column(name = "latency_ms", nullable = false)
  private long latencyMs;

  @Column(length = 500)
  private String error;

  @Column(name = "response_snippet", length = 512)
  private String responseSnippet;

  protected WebhookAttempt() {}

  WebhookAttempt(long deliveryId, int attempt, WebhookSender.Attempt result, OffsetDateTime now) {
    this.deliveryId = deliveryId;
    this.attempt = attempt;
    this.attemptedAt = now;
    this.httpStatus = result.status();
    this.latencyMs = result.latencyMs();
    this.error = result.error();
    this.responseSnippet = result.snippet();
  }

  public AttemptView view() {
    return new AttemptView(
        attempt, attemptedAt.toInstant().toString(), httpStatus, latencyMs, error, responseSnippet);
  }

  /** An attempt as evidence. */
  public record AttemptView(
      int attempt,
      String attemptedAt,
      Integer httpStatus,
      long latencyMs,
      String error,
      String responseSnippet) {}
}
