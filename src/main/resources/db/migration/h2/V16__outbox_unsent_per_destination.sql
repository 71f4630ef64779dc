-- The relay reads the oldest unsent rows of its partitions one queue at a time. H2 has no partial
-- indexes; the read walks (destination, sent_at, id).
CREATE INDEX outbox_event_unsent_by_destination_ix ON outbox_event (destination, sent_at, id);
DROP INDEX outbox_event_unsent_by_id_ix;
