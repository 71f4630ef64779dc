package io.b2bhub.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A partner's webhook endpoint: the event types it takes, how deliveries are signed, and its
 * health. An endpoint that keeps failing opens its own breaker (other endpoints are unaffected)
 * and, failing for longer than {@code disableAfter}, is disabled, never silently.
 */
@Entity
@Table(name = "webhook_subscription")
@NamedQuery(
    name = "WebhookSubscription.findByPartner",
    query =
        "SELECT s FROM WebhookSubscription s WHERE s.partnerId = :partnerId ORDER BY s.createdAt")
@NamedQuery(
    name = "WebhookSubscription.findAll",
    query = "SELECT s FROM WebhookSubscription s ORDER BY s.createdAt")
public class WebhookSubscription {
  /** Whether deliveries go out. */
  public enum State {
    ACTIVE,
    PAUSED,
    DISABLED
  }

  /** Which signature headers a delivery carries. */
  public enum HeaderStyle {
    /** X-Signature: t=..,v1=.. plus X-Event-Id, X-Event-Type, X-Correlation-ID. */
    HUB,
    /** The Standard Webhooks set: webhook-id, webhook-timestamp, webhook-signature. */
    STANDARD
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "partner_id", nullable = false, length = 40)
  private String partnerId;

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(name = "event_types", nullable = false, length = 2000)
  private String eventTypes;

  @Enumerated(EnumType.STRING)
  @Column(name = "header_style", nullable = false, length = 16)
  private HeaderStyle headerStyle;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "max_in_flight", nullable = false)
  private int maxInFlight;

  @Column(name = "disable_after_seconds", nullable = false)
  private long disableAfterSeconds;

  @Column(name = "secret_ciphertext", nullable = false)
  private byte[] secretCiphertext;

  @Column(name = "previous_secret_ciphertext")
  private byte[] previousSecretCiphertext;

  @Column(name = "previous_secret_until")
  private OffsetDateTime previousSecretUntil;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "failing_since")
  private OffsetDateTime failingSince;

  @Column(name = "breaker_open_until")
  private OffsetDateTime breakerOpenUntil;

  @Column(name = "disabled_reason", length = 500)
  private String disabledReason;

  @Column(name = "state_changed_at", nullable = false)
  private OffsetDateTime stateChangedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected WebhookSubscription() {}

  WebhookSubscription(
      String id,
      String partnerId,
      String url,
      List<String> eventTypes,
      HeaderStyle headerStyle,
      int maxInFlight,
      Duration disableAfter,
      byte[] secretCiphertext,
      OffsetDateTime now) {
    this.id = id;
    this.partnerId = partnerId;
    this.url = url;
    this.eventTypes = String.join(",", eventTypes);
    this.headerStyle = headerStyle;
    this.state = State.ACTIVE;
    this.maxInFlight = maxInFlight;
    this.disableAfterSeconds = disableAfter.toSeconds();
    this.secretCiphertext = secretCiphertext;
    this.stateChangedAt = now;
    this.createdAt = now;
  }

  boolean takes(String eventType) {
    return eventTypes().contains(eventType) || eventTypes().contains("*");
  }

  void pause(OffsetDateTime now) {
    changeState(State.PAUSED, null, now);
  }

  void resume(OffsetDateTime now) {
    consecutiveFailures = 0;
    failingSince = null;
    breakerOpenUntil = null;
    changeState(State.ACTIVE, null, now);
  }

  void disable(String reason, OffsetDateTime now) {
    changeState(State.DISABLED, reason, now);
  }

  void rotate(byte[] newSecret, OffsetDateTime previousValidUntil) {
    previousSecretCiphertext = secretCiphertext;
    previousSecretUntil = previousValidUntil;
    secretCiphertext = newSecret;
  }

  boolean healthy() {
    return consecutiveFailures == 0 && failingSince == null && breakerOpenUntil == null;
  }

  /** A delivery reached the endpoint: its health is restored. */
  void succeeded() {
    consecutiveFailures = 0;
    failingSince = null;
    breakerOpenUntil = null;
  }

  /**
   * A delivery failed: after {@code breakerThreshold} failures in a row the endpoint's breaker
   * opens for {@code cooldown}; true when it has been failing for longer than its disable-after.
   */
  boolean failed(OffsetDateTime now, int breakerThreshold, Duration cooldown) {
    consecutiveFailures++;
    if (failingSince == null) {
      failingSince = now;
    }
    if (consecutiveFailures >= breakerThreshold) {
      breakerOpenUntil = now.plus(cooldown);
    }
    return Duration.between(failingSince, now).toSeconds() >= disableAfterSeconds;
  }

  private void changeState(State target, String reason, OffsetDateTime now) {
    state = target;
    disabledReason = reason;
    stateChangedAt = now;
  }

  public String id() {
    return id;
  }

  public String partnerId() {
    return partnerId;
  }

  public String url() {
    return url;
  }

  public List<String> eventTypes() {
    return Arrays.asList(eventTypes.split(","));
  }

  public HeaderStyle headerStyle() {
    return headerStyle;
  }

  public State state() {
    return state;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  byte[] secretCiphertext() {
    return secretCiphertext;
  }

  /** The previous secret while its overlap lasts, else null. */
  byte[] previousSecretCiphertext(OffsetDateTime now) {
    return previousSecretUntil != null && previousSecretUntil.isAfter(now)
        ? previousSecretCiphertext
        : null;
  }

  OffsetDateTime breakerOpenUntil() {
    return breakerOpenUntil;
  }

  OffsetDateTime stateChangedAt() {
    return stateChangedAt;
  }

  public SubscriptionView view() {
    return new SubscriptionView(
        id,
        partnerId,
        url,
        eventTypes(),
        headerStyle,
        state,
        maxInFlight,
        Duration.ofSeconds(disableAfterSeconds).toString(),
        consecutiveFailures,
        failingSince == null ? null : failingSince.toInstant().toString(),
        breakerOpenUntil == null ? null : breakerOpenUntil.toInstant().toString(),
        disabledReason,
        previousSecretUntil == null ? null : previousSecretUntil.toInstant().toString(),
        createdAt.toInstant().toString());
  }

  /** What operators see of a subscription; never its secrets. */
  public record SubscriptionView(
      String subscriptionId,
      String partnerId,
      String url,
      List<String> eventTypes,
      HeaderStyle headerStyle,
      State state,
      int maxInFlight,
      String disableAfter,
      int consecutiveFailures,
      String failingSince,
      String breakerOpenUntil,
      String disabledReason,
      String previousSecretValidUntil,
      String createdAt) {}
}
