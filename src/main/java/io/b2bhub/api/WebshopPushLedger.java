package io.b2bhub.api;

import io.b2bhub.events.Inbox;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.CorrelationContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The pushes the webshop accepted: each with its inbox entry in one transaction, and kept as
 * evidence of what the webshop was last told.
 */
@ApplicationScoped
public class WebshopPushLedger {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Inbox inbox;
  @Inject Clock clock;

  @Transactional
  public void pushed(String consumer, ReceivedEvent event, WebshopPush push, int status) {
    inbox.record(consumer, event);
    em.createNativeQuery(
            "INSERT INTO webshop_push (id, event_id, kind, tenant_id, subject, idempotency_key,"
                + " http_status, attempt, correlation_id, pushed_at)"
                + " VALUES (nextval('webshop_push_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, event.envelope().id())
        .setParameter(2, push.kind().name())
        .setParameter(3, push.tenantId())
        .setParameter(4, push.subject())
        .setParameter(5, push.idempotencyKey())
        .setParameter(6, status)
        .setParameter(7, event.attempt())
        .setParameter(8, CorrelationContext.current())
        .setParameter(9, OffsetDateTime.now(clock))
        .executeUpdate();
  }
}
