package io.b2bhub.api;

import io.b2bhub.events.EventDestination;
import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.events.Outbox;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.erp.ErpChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Turns ERP changes into the hub's events and moves the feed position, in one transaction. */
@ApplicationScoped
public class ErpChangeAnnouncements {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String FEED = "erp";
  static final String SOURCE = EventEnvelope.HUB_SOURCE + "/erp-changes";

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject InvoiceLinks links;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public long position() {
    List<?> rows =
        em.createNativeQuery("SELECT last_seq FROM erp_feed_position WHERE feed = ?")
            .setParameter(1, FEED)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  /**
   * Announces the changes read after {@code readFrom}; false when another server has moved the
   * position meanwhile (it announced them, so this one announces nothing).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean announce(long readFrom, List<ErpChange> changes) {
    long last = changes.get(changes.size() - 1).seq();
    OffsetDateTime now = OffsetDateTime.now(clock);
    int moved =
        em.createNativeQuery(
                "UPDATE erp_feed_position SET last_seq = ?, updated_at = ?"
                    + " WHERE feed = ? AND last_seq = ?")
            .setParameter(1, last)
            .setParameter(2, now)
            .setParameter(3, FEED)
            .setParameter(4, readFrom)
            .executeUpdate();
    if (moved == 0) {
      if (readFrom != 0 || position() != 0) {
        return false;
      }
      // The first batch ever; a second server inserting at once fails on the key and rolls back.
      em.createNativeQuery(
              "INSERT INTO erp_feed_position (feed, last_seq, updated_at) VALUES (?, ?, ?)")
          .setParameter(1, FEED)
          .setParameter(2, last)
          .setParameter(3, now)
          .executeUpdate();
    }
    for (ErpChange change : changes) {
      EventEnvelope event = toEvent(change);
      outbox.emit(event, EventDestination.WEBSHOP);
      outbox.emit(event, EventDestination.HUB);
    }
    return true;
  }

  private EventEnvelope toEvent(ErpChange change) {
    EventType type;
    JsonObject data;
    switch (change.kind()) {
      case INVOICE -> {
        type = EventType.ERP_INVOICE_AVAILABLE;
        InvoiceLinks.Link link = links.issue(change.tenantId(), change.invoiceNumber());
        data =
            JSON.createObjectBuilder()
                .add("orderId", change.orderId())
                .add("invoiceNumber", change.invoiceNumber())
                .add("version", change.version())
                .add("status", change.status())
                .add("documentUrl", link.url())
                .add("documentTokenExpiresAt", link.expiresAt().toString())
                .build();
      }
      case PAYMENT -> {
        type = EventType.ERP_PAYMENT_STATUS_CHANGED;
        data =
            JSON.createObjectBuilder()
                .add("orderId", change.orderId())
                .add("invoiceNumber", change.invoiceNumber())
                .add("status", change.status())
                .add("version", change.version())
                .add("occurredAt", change.occurredAt().toString())
                .build();
      }
      case PRICE -> {
        type = EventType.ERP_PRICE_UPDATED;
        data =
            JSON.createObjectBuilder()
                .add("articleNumber", change.articleNumber())
                .add("priceListId", change.priceListId())
                .add("amountMinor", change.amountMinor())
                .add("currency", change.currency())
                .add("version", change.version())
                .add("effectiveAt", change.effectiveAt().toString())
                .build();
      }
      default -> throw new IllegalStateException("Unknown ERP change " + change.kind());
    }
    Instant now = clock.instant();
    return new EventEnvelope(
        "erp-change-" + change.seq(),
        type,
        SOURCE,
        now,
        change.tenantId(),
        CorrelationContext.current(),
        data,
        null);
  }
}
