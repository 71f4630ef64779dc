/**
 * Webhooks in and out. In: partners push signed events to {@code /api/v1/webhooks/{partnerId}}; the
 * receiver verifies the signature (constant time, timestamp window), deduplicates by event id and
 * payload hash, and hands the event to the events machinery. Out: the hub delivers its events to
 * partners' endpoints, signed, with capped retries and per-endpoint isolation. Uses platform,
 * partners and events; never their tables.
 */
package io.b2bhub.webhooks;
