-- Events: the transactional outbox (rows written with the change they announce, moved to JMS by the
-- relay), its partitions (one relay per partition at a time keeps each aggregate's order), and the
-- consumers' inbox for deduplication.

CREATE SEQUENCE outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE outbox_event (
  id             BIGINT                   NOT NULL PRIMARY KEY,
  event_id       VARCHAR(100)             NOT NULL,
  event_type     VARCHAR(100)             NOT NULL,
  destination    VARCHAR(100)             NOT NULL,
  aggregate_key  VARCHAR(200)             NOT NULL,
  partition_no   INTEGER                  NOT NULL,
  partner_id     VARCHAR(40),
  tenant_id      VARCHAR(64)              NOT NULL,
  correlation_id VARCHAR(128)             NOT NULL,
  envelope       VARCHAR(200000)          NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT outbox_event_uq UNIQUE (destination, event_id)
);
CREATE INDEX outbox_event_unsent_ix ON outbox_event (partition_no, sent_at, id);

CREATE TABLE outbox_partition (
  partition_no INTEGER                  NOT NULL PRIMARY KEY,
  owner        VARCHAR(100),
  lease_until  TIMESTAMP WITH TIME ZONE
);
INSERT INTO outbox_partition (partition_no) VALUES
  (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15);

CREATE TABLE inbox_event (
  consumer     VARCHAR(100)             NOT NULL,
  event_id     VARCHAR(100)             NOT NULL,
  payload_hash VARCHAR(64)              NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT inbox_event_pk PRIMARY KEY (consumer, event_id)
);
