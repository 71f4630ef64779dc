package io.b2bhub.webhooks;

import io.b2bhub.events.EventType;
import io.b2bhub.partners.PartnerDirectory;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.HubSecrets;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Operators manage partners' webhook subscriptions: create (the signing secret is shown once),
 * pause, resume (optionally delivering what was missed), rotate the secret with an overlap during
 * which deliveries carry both signatures, and send a test event. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {
  static final String TEST_EVENT_TYPE = "webhook.test";
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject EndpointGuard guard;
  @Inject HubSecrets secrets;
  @Inject PartnerDirectory partners;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What an operator asks for. */
  public record NewSubscription(
      String partnerId,
      String url,
      List<String> eventTypes,
      WebhookSubscription.HeaderStyle headerStyle,
      Integer maxInFlight,
      Duration disableAfter) {}

  /** A created or rotated subscription, with its secret shown this once. */
  public record WithSecret(WebhookSubscription.SubscriptionView subscription, String secret) {}

  public WithSecret create(NewSubscription request, String operator) {
    if (request.partnerId() == null || partners.find(request.partnerId()).isEmpty()) {
      throw new ProblemException(ErrorCode.PARTNER_NOT_FOUND, "No such partner.");
    }
    guard.check(request.url());
    List<String> types = checkedTypes(request.eventTypes());
    int maxInFlight = request.maxInFlight() == null ? 4 : request.maxInFlight();
    if (maxInFlight < 1 || maxInFlight > 64) {
      throw invalid("/maxInFlight", "must be between 1 and 64");
    }
    Duration disableAfter =
        request.disableAfter() == null ? Duration.ofHours(24) : request.disableAfter();
    if (disableAfter.isNegative() || disableAfter.compareTo(Duration.ofDays(30)) > 0) {
      throw invalid("/disableAfter", "must be between PT0S and P30D");
    }
    String secret = newSecret();
    WebhookSubscription subscription =
        new WebhookSubscription(
            UUID.randomUUID().toString(),
            request.partnerId(),
            request.url(),
            types,
            request.headerStyle() == null
                ? WebhookSubscription.HeaderStyle.HUB
                : request.headerStyle(),
            maxInFlight,
            disableAfter,
            secrets.encrypt(secret),
            OffsetDateTime.now(clock));
    em.persist(subscription);
    audited(subscription, operator, "created for " + request.url());
    return new WithSecret(subscription.view(), secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WebhookSubscription.SubscriptionView> list(String partnerId) {
    return (partnerId == null
            ? em.createNamedQuery("WebhookSubscription.findAll", WebhookSubscription.class)
            : em.createNamedQuery("WebhookSubscription.findByPartner", WebhookSubscription.class)
                .setParameter("partnerId", partnerId))
        .getResultStream()
        .map(WebhookSubscription::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookSubscription.SubscriptionView get(String id) {
    return require(id).view();
  }

  public WebhookSubscription.SubscriptionView pause(String id, String operator) {
    WebhookSubscription subscription = require(id);
    subscription.pause(OffsetDateTime.now(clock));
    audited(subscription, operator, "paused");
    return subscription.view();
  }

  /**
   * Back to ACTIVE. What arrived while it was off is delivered when {@code replayMissed}, and
   * otherwise marked SKIPPED (it can still be replayed by event id or time range later).
   */
  public WebhookSubscription.SubscriptionView resume(
      String id, boolean replayMissed, String operator) {
    WebhookSubscription subscription = require(id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int skipped = 0;
    if (!replayMissed && subscription.state() != WebhookSubscription.State.ACTIVE) {
      skipped =
          em.createNamedQuery("WebhookDelivery.skipPendingBefore")
              .setParameter("skipped", WebhookDelivery.State.SKIPPED)
              .setParameter("pending", WebhookDelivery.State.PENDING)
              .setParameter("now", now)
              .setParameter("subscriptionId", id)
              .setParameter("before", now)
              .executeUpdate();
    }
    subscription.resume(now);
    audited(
        subscription,
        operator,
        replayMissed ? "resumed, delivering what it missed" : "resumed, " + skipped + " skipped");
    return subscription.view();
  }

  public WithSecret rotateSecret(String id, Duration overlap, String operator) {
    WebhookSubscription subscription = require(id);
    Duration keep = overlap == null ? Duration.ofHours(24) : overlap;
    if (keep.isNegative() || keep.compareTo(Duration.ofDays(30)) > 0) {
      throw invalid("/overlap", "must be between PT0S and P30D");
    }
    String secret = newSecret();
    subscription.rotate(secrets.encrypt(secret), OffsetDateTime.now(clock).plus(keep));
    audited(subscription, operator, "secret rotated, previous valid for " + keep);
    return new WithSecret(subscription.view(), secret);
  }

  /** What a test request queued: the first test event, and how many. */
  public record TestQueued(String eventId, long deliveryId, int queued) {}

  /**
   * Queues {@code count} (1 to 10,000) {@code webhook.test} events for this subscription only: to
   * check an endpoint, or to load it.
   */
  public TestQueued sendTest(String id, int count, String operator) {
    if (count < 1 || count > 10_000) {
      throw invalid("/count", "must be between 1 and 10000");
    }
    WebhookSubscription subscription = require(id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    WebhookDelivery first = null;
    for (int i = 0; i < count; i++) {
      String eventId = "test-" + UUID.randomUUID();
      String payload =
          JSON.createObjectBuilder()
              .add("specversion", "1.0")
              .add("id", eventId)
              .add("type", TEST_EVENT_TYPE)
              .add("source", "/b2bhub/webhooks")
              .add("time", now.toInstant().toString())
              .add("datacontenttype", "application/json")
              .add("data", JSON.createObjectBuilder().add("subscriptionId", id))
              .build()
              .toString();
      WebhookDelivery delivery =
          new WebhookDelivery(
              id, eventId, TEST_EVENT_TYPE, null, CorrelationContext.current(), payload, now, now);
      em.persist(delivery);
      first = first == null ? delivery : first;
    }
    em.flush();
    audited(subscription, operator, count + " test event(s) from " + first.eventId());
    return new TestQueued(first.eventId(), first.id(), count);
  }

  WebhookSubscription require(String id) {
    WebhookSubscription subscription = id == null ? null : em.find(WebhookSubscription.class, id);
    if (subscription == null) {
      throw new ProblemException(ErrorCode.NOT_FOUND, "No such webhook subscription.");
    }
    return subscription;
  }

  private void audited(WebhookSubscription subscription, String operator, String what) {
    audit.recordWithCurrentWork(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.ADMIN,
            subscription.partnerId(),
            operator,
            "webhook subscription " + subscription.id() + " " + what,
            AuditRecord.Outcome.SUCCEEDED,
            200,
            null,
            CorrelationContext.current(),
            0L));
  }

  private static List<String> checkedTypes(List<String> types) {
    if (types == null || types.isEmpty()) {
      throw invalid("/eventTypes", "must name at least one event type");
    }
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      boolean known =
          "*".equals(type)
              || Arrays.stream(EventType.values())
                  .anyMatch(
                      t -> t.publisher() == EventType.Publisher.HUB && t.typeName().equals(type));
      if (!known) {
        throw invalid("/eventTypes/" + i, "is not an event type the hub publishes");
      }
    }
    return List.copyOf(types);
  }

  /** whsec_ + base64 of 32 random bytes: usable as-is (X-Signature) and by Standard Webhooks. */
  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getEncoder().encodeToString(bytes);
  }

  private static ProblemException invalid(String pointer, String reason) {
    return new ProblemException(
        ErrorCode.VALIDATION_FAILED,
        "The subscription is not valid.",
        List.of(new Problem.FieldError(pointer, reason)));
  }
}
