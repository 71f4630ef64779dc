package io.b2bhub.api;

import io.b2bhub.events.EventDestination;
import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.events.Outbox;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What reconciliation reads of the hub's own records (the tenant's owner, the events it received
 * and published) and the repairs it writes: re-emitted events, each audited with it.
 */
@ApplicationScoped
@Transactional
public class ReconciliationLedger {
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> ownerOf(String tenantId) {
    return em.createNativeQuery("SELECT partner_id FROM tenant_owner WHERE tenant_id = ?")
        .setParameter(1, tenantId)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  /** The newest event of a type the hub holds for an aggregate (tenant + order or customer). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<EventEnvelope> latest(EventType type, String tenantId, String aggregateId) {
    return em.createNativeQuery(
            "SELECT envelope FROM outbox_event WHERE event_type = ? AND aggregate_key = ?"
                + " ORDER BY id DESC LIMIT 1")
        .setParameter(1, type.typeName())
        .setParameter(2, tenantId + ":" + aggregateId)
        .getResultStream()
        .findFirst()
        .map(row -> parse(row.toString()));
  }

  /**
   * Sends a webshop event again under a new id (the consumer's inbox would skip the old one), so
   * the consumers carry it to the ERP once more.
   */
  public String reEmit(String partnerId, EventEnvelope original, String operator, String why) {
    EventEnvelope copy =
        new EventEnvelope(
            "reconcile-" + UUID.randomUUID(),
            original.type(),
            EventEnvelope.HUB_SOURCE + "/reconciliation",
            clock.instant(),
            original.tenantId(),
            CorrelationContext.current(),
            original.data(),
            null);
    outbox.emitFor(partnerId, copy);
    audited(partnerId, operator, why + ": re-emitted " + copy.type().typeName() + " " + copy.id());
    return copy.id();
  }

  /** Publishes a hub event (to the webshop) the hub should have published. */
  public String publish(
      String partnerId,
      EventType type,
      String tenantId,
      JsonObject data,
      String operator,
      String why) {
    EventEnvelope event =
        EventEnvelope.emitted(type, tenantId, CorrelationContext.current(), data, clock.instant());
    outbox.emit(event, EventDestination.WEBSHOP);
    audited(partnerId, operator, why + ": published " + type.typeName() + " " + event.id());
    return event.id();
  }

  public void audited(String partnerId, String operator, String what) {
    audit.recordWithCurrentWork(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.ADMIN,
            partnerId,
            operator,
            "reconciliation " + what,
            AuditRecord.Outcome.SUCCEEDED,
            null,
            null,
            CorrelationContext.current(),
            null));
  }

  private static EventEnvelope parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return EventEnvelope.of(reader.readObject(), CorrelationContext.current());
    }
  }
}
