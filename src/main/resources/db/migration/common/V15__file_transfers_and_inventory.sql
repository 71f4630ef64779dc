-- Files partners exchange with the hub (SFTP inbox and outbox), one row per file, whatever became of it.
-- status: PROCESSING (a job is loading it), COMPLETED, REJECTED (bad file, moved to error/ with a report),
-- DUPLICATE (its sequence was already taken), FAILED (the job failed or was stopped: an operator restarts
-- it); outbound: PUBLISHED (in the partner's outbox/), SENDING (to be pushed to the partner's own SFTP
-- server, attempts and next_attempt_at say when), SENT, SEND_FAILED (attempts exhausted, alerted).
CREATE TABLE file_transfer (
  id               BIGINT                   NOT NULL PRIMARY KEY,
  transfer_id      VARCHAR(36)              NOT NULL,
  partner_id       VARCHAR(40)              NOT NULL,
  direction        VARCHAR(8)               NOT NULL,
  flow             VARCHAR(40)              NOT NULL,
  file_name        VARCHAR(255)             NOT NULL,
  sequence_no      BIGINT,
  status           VARCHAR(16)              NOT NULL,
  sha256           VARCHAR(64),
  size_bytes       BIGINT,
  records_declared BIGINT,
  records_accepted BIGINT,
  control_totals   VARCHAR(2000),
  error_code       VARCHAR(64),
  error_detail     VARCHAR(2000),
  job_instance_id  BIGINT,
  job_execution_id BIGINT,
  correlation_id   VARCHAR(128)             NOT NULL,
  received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at     TIMESTAMP WITH TIME ZONE,
  attempts         INTEGER                  DEFAULT 0 NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT file_transfer_id_uq UNIQUE (transfer_id),
  CONSTRAINT file_transfer_direction_ck CHECK (direction IN ('IN', 'OUT')),
  CONSTRAINT file_transfer_status_ck CHECK (status IN
    ('PROCESSING', 'COMPLETED', 'REJECTED', 'DUPLICATE', 'FAILED', 'PUBLISHED', 'SENDING', 'SENT',
     'SEND_FAILED'))
);
CREATE SEQUENCE file_transfer_seq START WITH 50 INCREMENT BY 50;
CREATE INDEX file_transfer_partner_ix ON file_transfer (partner_id, received_at, id);
CREATE INDEX file_transfer_status_ix ON file_transfer (status, partner_id, flow);
CREATE INDEX file_transfer_due_ix ON file_transfer (status, next_attempt_at);

-- The dedupe table: one row per (partner, flow, sequence) a file has taken. A second file with a taken
-- sequence is a duplicate; a rejected file gives its sequence back so the corrected file can use it.
CREATE TABLE file_sequence (
  partner_id  VARCHAR(40)              NOT NULL,
  flow        VARCHAR(40)              NOT NULL,
  sequence_no BIGINT                   NOT NULL,
  transfer_id VARCHAR(36)              NOT NULL,
  taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (partner_id, flow, sequence_no)
);

-- Stock levels partners report in inventory files, keyed by their SKU and location. as_of orders the
-- reports: a row is only replaced by a report that is at least as recent.
CREATE TABLE inventory_level (
  partner_id  VARCHAR(40)              NOT NULL,
  sku         VARCHAR(64)              NOT NULL,
  location    VARCHAR(32)              NOT NULL,
  quantity    BIGINT                   NOT NULL,
  as_of       TIMESTAMP WITH TIME ZONE NOT NULL,
  transfer_id VARCHAR(36)              NOT NULL,
  PRIMARY KEY (partner_id, sku, location)
);
CREATE INDEX inventory_level_transfer_ix ON inventory_level (transfer_id);

-- Partner-hosted SFTP servers the hub pushes outbound files to (host key pinned, key pair of the hub's).
CREATE TABLE partner_sftp_target (
  partner_id       VARCHAR(40)              NOT NULL PRIMARY KEY,
  host             VARCHAR(255)             NOT NULL,
  port             INTEGER                  NOT NULL,
  username         VARCHAR(100)             NOT NULL,
  remote_dir       VARCHAR(255)             NOT NULL,
  host_key         VARCHAR(4096)            NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A partner's OpenPGP public key (armored): files it sends encrypted must be signed with it; with
-- require_encryption, files that are not encrypted are rejected.
CREATE TABLE partner_pgp_key (
  partner_id         VARCHAR(40)              NOT NULL PRIMARY KEY,
  fingerprint        VARCHAR(80)              NOT NULL,
  armored_key        VARCHAR(16000)           NOT NULL,
  require_encryption BOOLEAN                  NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
