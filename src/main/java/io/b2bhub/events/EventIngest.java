package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores a call's events in the outbox for the hub's consumers, in one transaction. */
@ApplicationScoped
public class EventIngest {
  @Inject Outbox outbox;

  @Transactional
  public Accepted accept(String partnerId, List<EventEnvelope> events) {
    return new Accepted(
        events.stream()
            .map(
                e -> new Accepted.Event(e.id(), !outbox.accept(e, EventDestination.HUB, partnerId)))
            .toList());
  }

  /** The answer to an ingest call: each event's id, and whether it had been accepted before. */
  public record Accepted(List<Event> events) {
    public record Event(String id, boolean duplicate) {}
  }
}
