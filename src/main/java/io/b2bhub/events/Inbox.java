package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The consumers' inbox: which events each consumer has processed, with the payload's hash. */
@ApplicationScoped
public class Inbox {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** The payload hash recorded when the consumer processed this event, if it did. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> processed(String consumer, String eventId) {
    return em.createNativeQuery(
            "SELECT payload_hash FROM inbox_event WHERE consumer = ? AND event_id = ?")
        .setParameter(1, consumer)
        .setParameter(2, eventId)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  /**
   * Records the event as processed, in the handler's transaction. A concurrent duplicate that got
   * here first makes this insert fail on the primary key, and the handler's work rolls back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String consumer, ReceivedEvent event) {
    em.createNativeQuery(
            "INSERT INTO inbox_event (consumer, event_id, payload_hash, received_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, consumer)
        .setParameter(2, event.envelope().id())
        .setParameter(3, event.payloadHash())
        .setParameter(4, OffsetDateTime.now(clock))
        .executeUpdate();
  }
}
