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

  /**
   * How many more senders each active endpoint may have right now. A sender holds a run of claimed
   * deliveries under one claim token and makes one attempt at a time, so senders are counted by
   * token.
   */
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
                "SELECT subscription_id, COUNT(DISTINCT claim_token) FROM webhook_delivery"
                    + " WHERE state = 'IN_FLIGHT' GROUP BY subscription_id")
            .getResultList()) {
      Object[] r = (Object[]) row;
      free.computeIfPresent((String) r[0], (k, v) -> v - ((Number) r[1]).intValue());
    }
    return free;
  }

  /**
   * Claims a run of up to {@code limit} due deliveries of one endpoint for one sender, under a new
   * claim token; empty when the endpoint has nothing due, is not active, or its breaker is open.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Claimed claimRun(String subscriptionId, int limit, Duration lease) {
    return claimDue(subscriptionId, limit, lease, java.util.UUID.randomUUID().toString());
  }

  /** A sender's claimed run: its token and the deliveries it holds, oldest due first. */
  public record Claimed(String token, List<Long> ids) {
    boolean isEmpty() {
      return ids.isEmpty();
    }
  }

  /**
   * Only deliveries still PENDING are taken (another sender may have taken some first): a
   * compare-and-set, so no delivery is attempted twice at once, also with several servers.
   */
  private Claimed claimDue(String subscriptionId, int limit, Duration lease, String token) {
    List<Long> due = dueFor(subscriptionId, limit);
    if (due.isEmpty()) {
      return new Claimed(token, List.of());
    }
    updateWhereIdIn(
        "UPDATE webhook_delivery SET state = 'IN_FLIGHT', claimed_until = ?, claim_token = ?"
            + " WHERE state = 'PENDING'",
        due,
        OffsetDateTime.now(clock).plus(lease),
        token);
    List<Long> taken =
        ((List<?>)
                em.createNativeQuery(
                        "SELECT id FROM webhook_delivery WHERE claim_token = ?"
                            + " AND state = 'IN_FLIGHT' ORDER BY next_attempt_at, id")
                    .setParameter(1, token)
                    .getResultList())
            .stream().map(n -> ((Number) n).longValue()).toList();
    return new Claimed(token, taken);
  }

  /** Gives claimed deliveries back untried (the sender pool was full, or a run was cut short). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(List<Long> ids) {
    releaseInCurrentTransaction(ids);
  }

  private void releaseInCurrentTransaction(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    updateWhereIdIn(
        "UPDATE webhook_delivery SET state = 'PENDING', claimed_until = NULL"
            + " WHERE state = 'IN_FLIGHT'",
        ids);
  }

  /** Runs {@code update} (its own parameters first) restricted to the given delivery ids. */
  private void updateWhereIdIn(String update, List<Long> ids, Object... parameters) {
    String placeholders = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    var query = em.createNativeQuery(update + " AND id IN (" + placeholders + ")");
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(parameters.length + i + 1, ids.get(i));
    }
    query.executeUpdate();
  }

  /** Whether the endpoint still takes deliveries now: active (not paused or disabled). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean takesDeliveries(String subscriptionId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM webhook_subscription WHERE id = ? AND state = 'ACTIVE'")
        .setParameter(1, subscriptionId)
        .getResultList()
        .isEmpty();
  }

  /** A claimed run as it is now, with its endpoint's subscription, for its attempts. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Run prepare(Claimed claimed) {
    List<WebhookDelivery> deliveries =
        em.createQuery(
                "SELECT d FROM WebhookDelivery d WHERE d.id IN :ids"
                    + " ORDER BY d.nextAttemptAt, d.id",
                WebhookDelivery.class)
            .setParameter("ids", claimed.ids())
            .getResultList();
    WebhookSubscription subscription =
        deliveries.isEmpty()
            ? null
            : em.find(WebhookSubscription.class, deliveries.get(0).subscriptionId());
    return new Run(subscription, deliveries);
  }

  record Run(WebhookSubscription subscription, List<WebhookDelivery> deliveries) {}

  /** One attempt's answer, with when it came. */
  record Outcome(long deliveryId, WebhookSender.Attempt attempt, OffsetDateTime at) {}

  /**
   * Records a run's attempts and acts on their answers, gives back the deliveries the run did not
   * try, and claims the endpoint's next run under the same token, in one transaction: one commit
   * per run, not per delivery. The next run is empty when the endpoint has nothing due or its
   * health (as just recorded) stops it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Claimed recordRunAndClaimNext(
      String subscriptionId,
      String token,
      List<Outcome> outcomes,
      List<Long> untried,
      int limit,
      Duration lease) {
    if (!outcomes.isEmpty()) {
      // One read for the run: the finds below are then answered by this transaction's context.
      em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.id IN :ids", WebhookDelivery.class)
          .setParameter("ids", outcomes.stream().map(Outcome::deliveryId).toList())
          .getResultList();
    }
    for (Outcome outcome : outcomes) {
      recordInCurrentTransaction(outcome.deliveryId(), outcome.attempt(), outcome.at());
    }
    releaseInCurrentTransaction(untried);
    // The endpoint's health as just recorded decides whether it gets another run now.
    em.flush();
    return claimDue(subscriptionId, limit, lease, token);
  }

  private String recordInCurrentTransaction(
      long id, WebhookSender.Attempt attempt, OffsetDateTime now) {
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
