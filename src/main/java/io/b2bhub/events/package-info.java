/**
 * Events: the v1 catalogue and its JSON envelope, schema checks on the way in and out, the
 * transactional outbox and its relay to JMS queues on Liberty's messaging engine, and HTTP ingest
 * of webshop events.
 *
 * <p>Uses the platform and partners only.
 */
package io.b2bhub.events;
