package io.b2bhub.events;

/**
 * A consumer of one event type. Capabilities provide handlers as CDI beans; the hub's JMS consumer
 * dispatches to them. A handler records the event in the {@link Inbox} in the same transaction as
 * its effects, so a duplicate delivery finds it there and causes nothing.
 */
public interface EventHandler {
  EventType type();

  /** The inbox's consumer name: stable, so deduplication survives restarts and deployments. */
  String consumer();

  /**
   * Handles the event. Throws {@link EventRejectedException} when the event can never succeed (it
   * goes straight to the dead letters); any other failure is temporary and retried.
   */
  void handle(ReceivedEvent event);
}
