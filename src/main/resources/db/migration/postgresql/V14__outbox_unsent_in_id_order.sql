-- The relay reads the oldest unsent rows of its partitions. With only (partition_no, sent_at, id)
-- PostgreSQL gathers every unsent row of all partitions and sorts them, which grows with the
-- backlog (300 ms a batch at 60,000 unsent rows). A partial index in id order lets it stop after
-- the first batch, and it holds only the backlog.
CREATE INDEX outbox_event_unsent_by_id_ix ON outbox_event (id) WHERE sent_at IS NULL;
