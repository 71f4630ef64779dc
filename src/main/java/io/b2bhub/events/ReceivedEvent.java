package io.b2bhub.events;

/**
 * An event as a consumer gets it: the envelope, the partner that handed it in (null for the hub's
 * own events), which delivery attempt this is, and the payload's fingerprint for the inbox.
 */
public record ReceivedEvent(
    EventEnvelope envelope, String partnerId, int attempt, String payloadHash) {}
