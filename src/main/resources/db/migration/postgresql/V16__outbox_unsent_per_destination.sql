-- The relay reads the oldest unsent rows of its partitions one queue at a time, so that a queue
-- that refuses messages holds back only its own rows. A partial index in (destination, id) order
-- lets each read stop after its batch and holds only the backlog; it replaces the index in id
-- order alone, and the original (partition_no, sent_at, id) index, which no query uses any more.
CREATE INDEX outbox_event_unsent_by_destination_ix ON outbox_event (destination, id)
  WHERE sent_at IS NULL;
DROP INDEX outbox_event_unsent_by_id_ix;
DROP INDEX outbox_event_unsent_ix;
