package io.b2bhub.webhooks;

import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deliveries' bookkeeping: which are due, claiming one (a compare-and-set, so several servers
 * never send the same attempt), and what an attempt's answer means for the delivery and for its
 * endpoint's health.
 */
@ApplicationScoped
public class WebhookDeliveryLedger {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryLedger.class.getName());
  static final String DISABLED_ALERT = "WEBHOOK_ENDPOINT_DISABLED";
  static final String DEAD_ALERT = "WEBHOOK_DEAD_LETTER";

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Alerts alerts;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(
      name = "b2bhub.retry.webhook-delivery",
      defaultValue = "webhook.delivery,8,300000,full")
  String retryPolicy;

  @Inject
  @ConfigProperty(name = "b2bhub.retry.webhook-base-delay-ms", defaultValue = "1000")
  long baseDelayMs;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.retry-client-errors", defaultValue = "false")
  boolean retryClientErrors;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.breaker.failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.breaker.cooldown", defaultValue = "PT30S")
  Duration breakerCooldown;

  private RetryPolicy policy;

  @PostConstruct
  void readPolicy() {
    policy = RetryPolicy.parse(retryPolicy, Duration.ofMillis(baseDelayMs));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int releaseExpiredClaims() {
    return em.createNativeQuery(
            "UPDATE webhook_delivery SET state = 'PENDING', claimed_until = NULL"
                + " WHERE state = 'IN_FLIGHT' AND claimed_until < ?")
        .setParameter(1, OffsetDateTime.now(clock))
        .executeUpdate();
  }

  /**
   * The oldest deliveries due now to one endpoint, if it takes deliveries (active, breaker closed):
   * asked per endpoint, so a large backlog at one endpoint never hides the others' work.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Long> dueFor(String subscriptionId, int limit) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT d.id FROM webhook_delivery d WHERE d.subscription_id = ?"
                        + " AND d.state = 'PENDING' AND d.next_attempt_at <= ? AND EXISTS (SELECT"
                        + " 1 FROM webhook_subscription s WHERE s.id = d.subscription_id AND"
                        + " s.state = 'ACTIVE' AND (s.breaker_open_until IS NULL OR"
                        + " s.breaker_open_until <= ?)) ORDER BY d.next_attempt_at, d.id")
                .setParameter(1, subscriptionId)
                .setParameter(2, now)
                .setParameter(3, now)
                .setMaxResults(limit)
                .getResultList())
        .stream().map(n -> ((Number) n).longValue()).toList();
  }

  /** How many more attempts each active endpoint may have in flight right now. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Integer> freeSlots() {
    Map<String, Integer> free = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, max_in_flight FROM webhook_subscription WHERE state = 'ACTIVE'")
            .getResultList()) {
      Object[] r = (Object[]) row;
      free.put((String) r[0], ((Number) r[1]).intValue());
    }
    for (Object row :
        em.createNativeQuery(
                "SELECT subscription_id, COUNT(*) FROM webhook_delivery WHERE state = 'IN_FLIGHT'"
                    + " GROUP BY subscription_id")
            .getResultList()) {
      Object[] r = (Object[]) row;
      free.computeIfPresent((String) r[0], (k, v) -> v - ((Number) r[1]).intValue());
    }
    return free;
  }

  /**
   * Takes these deliveries for one attempt each, in one statement: only those still PENDING are
   * taken (another server may have taken some first); returns the ids this worker holds.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> claim(List<Long> ids, Duration lease) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String token = java.util.UUID.randomUUID().toString();
    String placeholders = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    var update =
        em.createNativeQuery(
                "UPDATE webhook_delivery SET state = 'IN_FLIGHT', claimed_until = ?,"
                    + " claim_token = ? WHERE state = 'PENDING' AND id IN ("
                    + placeholders
                    + ")")
            .setParameter(1, OffsetDateTime.now(clock).plus(lease))
            .setParameter(2, token);
    for (int i = 0; i < ids.size(); i++) {
      update.setParameter(i + 3, ids.get(i));
    }
    update.executeUpdate();
    return ((List<?>)
            em.createNativeQuery("SELECT id FROM webhook_delivery WHERE claim_token = ?")
                .setParameter(1, token)
                .getResultList())
        .stream().map(n -> ((Number) n).longValue()).toList();
  }

  /**
   * The next due delivery of this endpoint, taken for the worker that just finished one: a slot
   * stays busy while its endpoint has work, without waiting for the next poll. Empty when the
   * endpoint has nothing due, is no longer active, or its breaker is open.
   */
  private java.util.Optional<Long> takeNext(String subscriptionId, Duration lease) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> candidates = dueFor(subscriptionId, 4);
    for (long id : candidates) {
      int taken =
          em.createNativeQuery(
                  "UPDATE webhook_delivery SET state = 'IN_FLIGHT', claimed_until = ?"
                      + " WHERE id = ? AND state = 'PENDING'")
              .setParameter(1, now.plus(lease))
              .setParameter(2, id)
              .executeUpdate();
      if (taken == 1) {
        return java.util.Optional.of(id);
      }
    }
    return java.util.Optional.empty();
  }

  /** The delivery and its subscription as they are now, for one attempt. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Prepared prepare(long id) {
    WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
    return new Prepared(delivery, em.find(WebhookSubscription.class, delivery.subscriptionId()));
  }

  record Prepared(WebhookDelivery delivery, WebhookSubscription subscription) {}

  /**
   * Records the attempt and acts on its answer, then takes the endpoint's next due delivery, in one
   * transaction: one commit per delivery for a sender that keeps its slot busy.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public java.util.Optional<Long> recordAndClaimNext(
      long id, WebhookSender.Attempt attempt, Duration lease) {
    String subscriptionId = recordInCurrentTransaction(id, attempt);
    // The endpoint's health as just recorded decides whether it gets another delivery now.
    em.flush();
    return takeNext(subscriptionId, lease);
  }

  private String recordInCurrentTransaction(long id, WebhookSender.Attempt attempt) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
    WebhookSubscription subscription =
        em.find(WebhookSubscription.class, delivery.subscriptionId());
    delivery.attempted();
    insertAttempt(delivery, attempt, now);
    Integer status = attempt.status();
    if (status != null && status >= 200 && status < 300) {
      delivery.delivered(status, now);
      if (!subscription.healthy()) {
        em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        subscription.succeeded();
      }
      return subscription.id();
    }
    // Every other answer may change the endpoint's health: take its row first.
    em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
    if (status != null && status == 410) {
      delivery.refused(status, "the endpoint is gone (410)", now);
      disable(subscription, "the endpoint answered 410 Gone", now);
      return subscription.id();
    }
    boolean temporary =
        status == null || status >= 500 || status == 408 || status == 429 || retryClientErrors;
    if (!temporary) {
      delivery.refused(status, "refused by the endpoint with " + status, now);
      return subscription.id();
    }
    String error = status == null ? attempt.error() : "answered " + status;
    boolean failingTooLong = subscription.failed(now, breakerFailures, breakerCooldown);
    if (!policy.allowsAnotherAttempt(delivery.attempts())) {
      delivery.dead(status, error, now);
      alerts.raiseOrCount(
          DEAD_ALERT,
          subscription.id(),
          "Webhook deliveries to subscription " + subscription.id() + " gave up: " + error,
          Duration.ofHours(1));
    } else {
      Duration pause =
          policy.delayAfter(delivery.attempts(), attempt.retryAfter(), ThreadLocalRandom.current());
      delivery.retryAt(now.plus(pause), status, error);
    }
    if (failingTooLong && subscription.state() == WebhookSubscription.State.ACTIVE) {
      disable(subscription, "failing since its first failure for longer than allowed", now);
    }
    return subscription.id();
  }

  /** The endpoint was refused before any attempt (it now resolves to a forbidden address). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refuseEndpoint(long id, String why) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
    WebhookSubscription subscription =
        em.find(WebhookSubscription.class, delivery.subscriptionId());
    delivery.refused(null, why, now);
    disable(subscription, why, now);
  }

  private void disable(WebhookSubscription subscription, String why, OffsetDateTime now) {
    subscription.disable(why, now);
    LOG.warning(() -> "Webhook subscription " + subscription.id() + " disabled: " + why);
    alerts.raise(
        DISABLED_ALERT,
        subscription.id(),
        "Webhook subscription "
            + subscription.id()
            + " of "
            + subscription.partnerId()
            + " disabled: "
            + why);
  }

  private void insertAttempt(
      WebhookDelivery delivery, WebhookSender.Attempt attempt, OffsetDateTime now) {
    em.persist(new WebhookAttempt(delivery.id(), delivery.attempts(), attempt, now));
  }
}
