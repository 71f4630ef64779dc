package io.b2bhub.events;

/**
 * Fired, in the emitting transaction, for every event the hub publishes: capabilities that fan
 * events out further (webhook deliveries) record their work in the same transaction, so it exists
 * exactly when the event does.
 */
public record HubEventEmitted(EventEnvelope event) {}
