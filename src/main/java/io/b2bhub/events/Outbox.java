package io.b2bhub.events;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes events into the outbox in the caller's transaction, so an event exists exactly when the
 * change it announces does. The relay moves them to JMS afterwards.
 */
@ApplicationScoped
public class Outbox {
  /** Partitions of the outbox; each is relayed by one server at a time (outbox_partition rows). */
  static final int PARTITIONS = 16;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject EventSchemas schemas;
  @Inject Clock clock;
  @Inject Event<HubEventEmitted> emitted;

  /** Appends an event the hub emits; its payload must match its type's schema. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void emit(EventEnvelope event, EventDestination destination) {
    List<Problem.FieldError> problems = schemas.problems(event.toJson());
    if (!problems.isEmpty()) {
      // A bug of ours, not the caller's: never publish what the catalogue does not allow.
      throw new IllegalStateException(
          "Event " + event.type().typeName() + " does not match its schema: " + problems);
    }
    append(event, destination, null);
    if (destination == EventDestination.WEBSHOP) {
      emitted.fire(new HubEventEmitted(event));
    }
  }

  /**
   * Appends a webshop-type event the hub writes for a partner (a sync request queued while the ERP
   * was down); checked against its schema like everything the hub emits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void emitFor(String partnerId, EventEnvelope event) {
    List<Problem.FieldError> problems = schemas.problems(event.toJson());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Event " + event.type().typeName() + " does not match its schema: " + problems);
    }
    em.persist(
        new OutboxEvent(
            event, EventDestination.HUB, partnerId, PARTITIONS, OffsetDateTime.now(clock)));
  }

  /**
   * Sends a dead-lettered event again through the relay, under a row id of its own: the envelope
   * keeps its id, so the consumer's inbox still recognises it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void replay(String replayId, EventEnvelope event, String partnerId) {
    em.persist(
        new OutboxEvent(
            replayId,
            event,
            EventDestination.HUB,
            partnerId,
            PARTITIONS,
            OffsetDateTime.now(clock)));
  }

  /**
   * Accepts an event handed in by a partner (already checked against the schemas); false when an
   * event with this id was accepted before, which is then not stored again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean accept(EventEnvelope event, EventDestination destination, String partnerId) {
    long known =
        em.createNamedQuery("OutboxEvent.countByDestinationAndEventId", Long.class)
            .setParameter("destination", destination.queueName())
            .setParameter("eventId", event.id())
            .getSingleResult();
    if (known > 0) {
      return false;
    }
    append(event, destination, partnerId);
    return true;
  }

  /**
   * {@link #accept} for several events of one partner, with one lookup for all of them: those
   * accepted before are not stored again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void acceptAll(
      List<EventEnvelope> events, EventDestination destination, String partnerId) {
    java.util.Set<String> known =
        new java.util.HashSet<>(
            em.createNamedQuery("OutboxEvent.eventIdsByDestination", String.class)
                .setParameter("destination", destination.queueName())
                .setParameter("eventIds", events.stream().map(EventEnvelope::id).toList())
                .getResultList());
    for (EventEnvelope event : events) {
      if (known.add(event.id())) {
        append(event, destination, partnerId);
      }
    }
  }

  private void append(EventEnvelope event, EventDestination destination, String partnerId) {
    if (event.type().publisher() == EventType.Publisher.HUB && partnerId != null) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "Only the hub publishes " + event.type().typeName() + ".",
          List.of(new Problem.FieldError("/type", "is published by the hub, not by partners")));
    }
    em.persist(
        new OutboxEvent(event, destination, partnerId, PARTITIONS, OffsetDateTime.now(clock)));
  }
}
