package io.b2bhub.webhooks;

import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due deliveries. Each endpoint has at most its {@code maxInFlight} senders, on a bounded
 * pool of its own, so an endpoint that is slow or dead holds a few threads and never delays
 * deliveries to the others; its breaker then keeps it from being tried at all for a while. A sender
 * claims a run of the endpoint's due deliveries, attempts them one at a time, and records the run
 * in one transaction.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class.getName());
  private static final long STATE_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "concurrent/webhookDeliveries")
  ManagedExecutorService senders;

  @Inject WebhookDeliveryLedger ledger;
  @Inject WebhookSigner signer;
  @Inject WebhookSender sender;
  @Inject EndpointGuard guard;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.delivery.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.delivery.poll-interval-ms", defaultValue = "200")
  long pollIntervalMs;

  /** Longer than the request timeout: a claim outlives any attempt of a live server. */
  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.delivery.claim-lease", defaultValue = "PT60S")
  Duration claimLease;

  /**
   * Deliveries a sender claims at once for one endpoint: their attempts are recorded in one
   * transaction. A crash can repeat at most one run per sender (receivers dedupe by event id).
   */
  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.delivery.run-size", defaultValue = "20")
  int runSize;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (enabled) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::cycle, 2000, pollIntervalMs, TimeUnit.MILLISECONDS);
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  void cycle() {
    try {
      ledger.releaseExpiredClaims();
      ledger
          .freeSlots()
          .forEach(
              (subscriptionId, slots) -> {
                for (int slot = 0; slot < slots; slot++) {
                  WebhookDeliveryLedger.Claimed run =
                      ledger.claimRun(subscriptionId, runSize, claimLease);
                  if (run.isEmpty() || !startSender(run)) {
                    return;
                  }
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook delivery cycle failed; retrying on the next cycle", e);
    }
  }

  private boolean startSender(WebhookDeliveryLedger.Claimed run) {
    try {
      senders.execute(() -> sendWhileDue(run));
      return true;
    } catch (RejectedExecutionException e) {
      ledger.release(run.ids());
      LOG.fine("Webhook sender pool full; the run waits for the next cycle");
      return false;
    }
  }

  /** Sends the run, then keeps this sender busy with the endpoint's next runs while it has any. */
  private void sendWhileDue(WebhookDeliveryLedger.Claimed first) {
    WebhookDeliveryLedger.Claimed run = first;
    while (run != null && !run.isEmpty()) {
      run = send(run);
    }
  }

  /**
   * Attempts the run's deliveries one after another. It stops at the first answer that is not a
   * success, since that answer may change the endpoint's health, and before the claim could lapse;
   * the deliveries not tried go back to the queue. Returns the endpoint's next run, or null when
   * something unexpected went wrong (the claims then lapse and the deliveries are tried again: at
   * least once, never lost).
   */
  private WebhookDeliveryLedger.Claimed send(WebhookDeliveryLedger.Claimed claimed) {
    WebhookDeliveryLedger.Run run;
    try {
      run = ledger.prepare(claimed);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook run " + claimed.token() + " could not be read", e);
      return null;
    }
    if (run.subscription() == null) {
      return null;
    }
    WebhookSubscription subscription = run.subscription();
    URI endpoint = URI.create(subscription.url());
    List<WebhookDelivery> deliveries = run.deliveries();
    try {
      guard.recheck(endpoint);
    } catch (ProblemException e) {
      ledger.refuseEndpoint(deliveries.get(0).id(), "endpoint refused: " + e.getMessage());
      ledger.release(deliveries.stream().skip(1).map(WebhookDelivery::id).toList());
      return null;
    }
    WebhookSigner.RunSigner signing = signer.forRun(subscription);
    long deadline = System.nanoTime() + claimLease.toNanos() / 2;
    long stateCheckedAt = System.nanoTime();
    List<WebhookDeliveryLedger.Outcome> outcomes = new ArrayList<>();
    for (WebhookDelivery delivery : deliveries) {
      // An operator's pause or disable stops a long run within about a second.
      if (System.nanoTime() - stateCheckedAt > STATE_RECHECK_NANOS) {
        if (!ledger.takesDeliveries(subscription.id())) {
          break;
        }
        stateCheckedAt = System.nanoTime();
      }
      try (CorrelationContext.Scope ignored = CorrelationContext.bind(delivery.correlationId())) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signing.headers(delivery, body, clock.instant());
        WebhookSender.Attempt attempt = sender.send(endpoint, headers, body);
        outcomes.add(
            new WebhookDeliveryLedger.Outcome(delivery.id(), attempt, OffsetDateTime.now(clock)));
        if (!attempt.succeeded() || System.nanoTime() > deadline) {
          break;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Webhook attempt " + delivery.id() + " failed unexpectedly", e);
        break;
      }
    }
    Set<Long> tried =
        outcomes.stream()
            .map(WebhookDeliveryLedger.Outcome::deliveryId)
            .collect(Collectors.toSet());
    List<Long> untried = claimed.ids().stream().filter(id -> !tried.contains(id)).toList();
    try {
      return ledger.recordRunAndClaimNext(
          subscription.id(), claimed.token(), outcomes, untried, runSize, claimLease);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook run " + claimed.token() + " could not be recorded", e);
      return null;
    }
  }
}
