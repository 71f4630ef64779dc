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
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due deliveries. Each endpoint has at most its {@code maxInFlight} attempts running, on a
 * bounded pool of its own, so an endpoint that is slow or dead holds a few threads and never delays
 * deliveries to the others; its breaker then keeps it from being tried at all for a while.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class.getName());

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
      Map<String, Integer> free = ledger.freeSlots();
      if (free.values().stream().noneMatch(n -> n > 0)) {
        return;
      }
      java.util.List<Long> wanted = new java.util.ArrayList<>();
      free.forEach(
          (subscriptionId, slots) -> {
            if (slots > 0) {
              wanted.addAll(ledger.dueFor(subscriptionId, slots));
            }
          });
      for (long id : ledger.claim(wanted, claimLease)) {
        try {
          senders.execute(() -> attemptWhileDue(id));
        } catch (RejectedExecutionException e) {
          // Its claim lapses and the delivery is picked up again on a later cycle.
          LOG.fine("Webhook sender pool full; the delivery waits for its claim to lapse");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook delivery cycle failed; retrying on the next cycle", e);
    }
  }

  /** Attempts the delivery, then keeps its slot busy with the endpoint's next due ones. */
  private void attemptWhileDue(long firstDeliveryId) {
    Long next = firstDeliveryId;
    while (next != null) {
      next = attempt(next);
    }
  }

  /**
   * One attempt, recorded together with the claim of the endpoint's next due delivery; returns that
   * one, or null when there is none or something unexpected went wrong.
   */
  private Long attempt(long deliveryId) {
    WebhookDeliveryLedger.Prepared prepared = ledger.prepare(deliveryId);
    WebhookDelivery delivery = prepared.delivery();
    try (CorrelationContext.Scope ignored = CorrelationContext.bind(delivery.correlationId())) {
      URI endpoint = URI.create(prepared.subscription().url());
      try {
        guard.recheck(endpoint);
      } catch (ProblemException e) {
        ledger.refuseEndpoint(deliveryId, "endpoint refused: " + e.getMessage());
        return null;
      }
      byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers =
          signer.headers(prepared.subscription(), delivery, body, clock.instant());
      return ledger
          .recordAndClaimNext(deliveryId, sender.send(endpoint, headers, body), claimLease)
          .orElse(null);
    } catch (RuntimeException e) {
      // The claim lapses and the delivery is tried again: at least once, never lost.
      LOG.log(Level.WARNING, "Webhook attempt " + deliveryId + " failed unexpectedly", e);
      return null;
    }
  }
}
