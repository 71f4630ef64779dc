package io.b2bhub.webhooks;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.HubEventEmitted;
import io.b2bhub.platform.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Turns each event the hub publishes into deliveries, in the publishing transaction: one per
 * subscription of the partner that owns the event's tenant (no partner ever receives another's
 * events) that takes the event's type. Subscriptions that are paused or disabled get their
 * deliveries too, held until they come back.
 */
@ApplicationScoped
public class WebhookFanOut {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject TenantDirectory tenants;
  @Inject Clock clock;

  void fanOut(@Observes HubEventEmitted emitted) {
    EventEnvelope event = emitted.event();
    tenants
        .ownerOf(event.tenantId())
        .ifPresent(
            owner ->
                em.createNamedQuery("WebhookSubscription.findByPartner", WebhookSubscription.class)
                    .setParameter("partnerId", owner)
                    .getResultStream()
                    .filter(s -> s.takes(event.type().typeName()))
                    .forEach(s -> em.persist(deliveryOf(s, event))));
  }

  private WebhookDelivery deliveryOf(WebhookSubscription subscription, EventEnvelope event) {
    return new WebhookDelivery(
        subscription.id(),
        event.id(),
        event.type().typeName(),
        event.tenantId(),
        event.correlationId(),
        event.toJson().toString(),
        OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC),
        OffsetDateTime.now(clock));
  }
}
