-- H2 has no partial indexes; the relay's read walks (sent_at, id) instead.
CREATE INDEX outbox_event_unsent_by_id_ix ON outbox_event (sent_at, id);
