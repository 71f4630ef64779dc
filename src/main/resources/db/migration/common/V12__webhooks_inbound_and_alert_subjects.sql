-- Alerts name what they are about (a partner, an endpoint), so a repeating problem raises one
-- alert that counts its occurrences instead of a flood.
ALTER TABLE alert ADD COLUMN subject VARCHAR(140);
ALTER TABLE alert ADD COLUMN occurrences INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE alert ADD COLUMN last_raised_at TIMESTAMP WITH TIME ZONE;
UPDATE alert SET last_raised_at = raised_at;
CREATE INDEX alert_open_ix ON alert (kind, subject, acknowledged, last_raised_at);

-- The webhook receiver's inbox: every event a partner pushed, by (partner, event id), with the
-- payload's hash; a second delivery of the same event is answered from here without a second effect.
CREATE TABLE webhook_inbound (
  partner_id   VARCHAR(40)              NOT NULL,
  event_id     VARCHAR(100)             NOT NULL,
  payload_hash VARCHAR(64)              NOT NULL,
  event_type   VARCHAR(100)             NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  replays      INTEGER                  NOT NULL,
  PRIMARY KEY (partner_id, event_id)
);

-- Per-partner receiving settings; a partner without a row gets the configured defaults.
CREATE TABLE webhook_inbound_setting (
  partner_id     VARCHAR(40)              NOT NULL PRIMARY KEY,
  window_seconds INTEGER                  NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
