package io.b2bhub.webhooks;

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

/** One event on its way to one subscription, attempt by attempt. */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
    name = "WebhookDelivery.findBySubscription",
    query =
        "SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :subscriptionId"
            + " ORDER BY d.id DESC")
@NamedQuery(
    name = "WebhookDelivery.findBySubscriptionAndState",
    query =
        "SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :subscriptionId"
            + " AND d.state = :state ORDER BY d.id DESC")
@NamedQuery(
    name = "WebhookDelivery.skipPendingBefore",
    query =
        "UPDATE WebhookDelivery d SET d.state = :skipped, d.finishedAt = :now"
            + " WHERE d.subscriptionId = :subscriptionId AND d.state = :pending"
            + " AND d.createdAt < :before")
public class WebhookDelivery {
  /** Where a delivery stands. */
  public enum State {
    PENDING,
    IN_FLIGHT,
    DELIVERED,
    /** Refused by the endpoint (a 4xx other than 408/429), or the endpoint is gone (410). */
    FAILED,
    /** Every attempt failed: the webhooks' dead letter, for replay. */
    DEAD,
    /** Missed while the subscription was off, and not replayed when it came back. */
    SKIPPED
  }

  @Id
  @SequenceGenerator(
      name = "webhook_delivery_seq",
      sequenceName = "webhook_delivery_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
  private Long id;

  @Column(name = "subscription_id", nullable = false, length = 36)
  private String subscriptionId;

  @Column(name = "event_id", nullable = false, length = 100)
  private String eventId;

  @Column(name = "event_type", nullable = false, length = 100)
  private String eventType;

  @Column(name = "tenant_id", length = 64)
  private String tenantId;

  @Column(name = "correlation_id", nullable = false, length = 128)
  private String correlationId;

  @Column(nullable = false, length = 200000)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "claimed_until")
  private OffsetDateTime claimedUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "event_time", nullable = false)
  private OffsetDateTime eventTime;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "replay_of")
  private Long replayOf;

  protected WebhookDelivery() {}

  WebhookDelivery(
      String subscriptionId,
      String eventId,
      String eventType,
      String tenantId,
      String correlationId,
      String payload,
      OffsetDateTime eventTime,
      OffsetDateTime now) {
    this.subscriptionId = subscriptionId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.tenantId = tenantId;
    this.correlationId = correlationId;
    this.payload = payload;
    this.state = State.PENDING;
    this.eventTime = eventTime;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** A fresh delivery of the same event (same event id, so receivers can deduplicate). */
  WebhookDelivery replay(OffsetDateTime now) {
    WebhookDelivery copy =
        new WebhookDelivery(
            subscriptionId, eventId, eventType, tenantId, correlationId, payload, eventTime, now);
    copy.replayOf = id;
    return copy;
  }

  void delivered(int status, OffsetDateTime now) {
    finish(State.DELIVERED, status, null, now);
  }

  void refused(Integer status, String error, OffsetDateTime now) {
    finish(State.FAILED, status, error, now);
  }

  void dead(Integer status, String error, OffsetDateTime now) {
    finish(State.DEAD, status, error, now);
  }

  void retryAt(OffsetDateTime when, Integer status, String error) {
    state = State.PENDING;
    claimedUntil = null;
    nextAttemptAt = when;
    lastStatus = status;
    lastError = error;
  }

  private void finish(State target, Integer status, String error, OffsetDateTime now) {
    state = target;
    claimedUntil = null;
    lastStatus = status;
    lastError = error;
    finishedAt = now;
  }

  void attempted() {
    attempts++;
  }

  public Long id() {
    return id;
  }

  String subscriptionId() {
    return subscriptionId;
  }

  String eventId() {
    return eventId;
  }

  String eventType() {
    return eventType;
  }

  String correlationId() {
    return correlationId;
  }

  String payload() {
    return payload;
  }

  int attempts() {
    return attempts;
  }

  State state() {
    return state;
  }

  OffsetDateTime eventTime() {
    return eventTime;
  }

  public DeliveryView view() {
    return new DeliveryView(
        id,
        subscriptionId,
        eventId,
        eventType,
        tenantId,
        state,
        attempts,
        lastStatus,
        lastError,
        createdAt.toInstant().toString(),
        nextAttemptAt.toInstant().toString(),
        finishedAt == null ? null : finishedAt.toInstant().toString(),
        replayOf);
  }

  /** What operators and partners see of a delivery; never the payload's secrets (it has none). */
  public record DeliveryView(
      long deliveryId,
      String subscriptionId,
      String eventId,
      String eventType,
      String tenantId,
      State state,
      int attempts,
      Integer lastStatus,
      String lastError,
      String createdAt,
      String nextAttemptAt,
      String finishedAt,
      Long replayOf) {}
}
