package io.b2bhub.webhooks;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventIngest;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The receiver's inbox (seed B-002): an event is stored by (partner, event id) with its payload
 * hash, in the same transaction as its hand-over to the outbox. The same event again is a replay,
 * answered without a second effect; the same id with another payload is refused.
 */
@ApplicationScoped
public class WebhookInbox {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject EventIngest ingest;
  @Inject Clock clock;

  /** What became of a pushed event. */
  public enum Receipt {
    ACCEPTED,
    REPLAYED
  }

  @Transactional
  public Receipt receive(String partnerId, EventEnvelope event, String payloadHash) {
    List<?> known =
        em.createNativeQuery(
                "SELECT payload_hash FROM webhook_inbound WHERE partner_id = ? AND event_id = ?")
            .setParameter(1, partnerId)
            .setParameter(2, event.id())
            .getResultList();
    if (!known.isEmpty()) {
      if (!payloadHash.equals(known.get(0))) {
        throw new ProblemException(
            ErrorCode.EVENT_ID_REUSED,
            "Event " + event.id() + " was received before with another payload.");
      }
      em.createNativeQuery(
              "UPDATE webhook_inbound SET replays = replays + 1"
                  + " WHERE partner_id = ? AND event_id = ?")
          .setParameter(1, partnerId)
          .setParameter(2, event.id())
          .executeUpdate();
      return Receipt.REPLAYED;
    }
    em.createNativeQuery(
            "INSERT INTO webhook_inbound (partner_id, event_id, payload_hash, event_type,"
                + " received_at, replays) VALUES (?, ?, ?, ?, ?, 0)")
        .setParameter(1, partnerId)
        .setParameter(2, event.id())
        .setParameter(3, payloadHash)
        .setParameter(4, event.type().typeName())
        .setParameter(5, OffsetDateTime.now(clock))
        .executeUpdate();
    ingest.accept(partnerId, List.of(event));
    return Receipt.ACCEPTED;
  }
}
