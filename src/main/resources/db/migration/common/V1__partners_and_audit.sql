-- Partner registry, partner credentials and the audit log.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

CREATE SEQUENCE partner_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE partner_credential_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_log_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE partner (
  id          BIGINT                   NOT NULL PRIMARY KEY,
  partner_id  VARCHAR(40)              NOT NULL,
  name        VARCHAR(200)             NOT NULL,
  mode        VARCHAR(64)              NOT NULL,
  security    VARCHAR(128)             NOT NULL,
  contact     VARCHAR(320)             NOT NULL,
  sla         VARCHAR(500),
  flows       VARCHAR(500),
  status      VARCHAR(16)              NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  version     BIGINT                   NOT NULL DEFAULT 0,
  CONSTRAINT partner_partner_id_uq UNIQUE (partner_id),
  CONSTRAINT partner_status_ck CHECK (status IN ('ONBOARDING', 'CERTIFIED', 'LIVE', 'SUSPENDED'))
);
CREATE INDEX partner_created_ix ON partner (created_at, id);

-- One row per credential: OAuth client, webhook secret, SSH public key or allowed IP range.
-- lookup_key: the client id, the SSH key fingerprint, the secret's key id, or the normalised CIDR.
-- Secrets are stored only encrypted (secret_ciphertext); OAuth client secrets only as a hash in the OAuth store.
CREATE TABLE partner_credential (
  id                BIGINT                   NOT NULL PRIMARY KEY,
  credential_id     VARCHAR(36)              NOT NULL,
  partner_ref       BIGINT                   NOT NULL,
  kind              VARCHAR(24)              NOT NULL,
  label             VARCHAR(200),
  lookup_key        VARCHAR(200)             NOT NULL,
  public_value      VARCHAR(4096),
  scopes            VARCHAR(1000),
  secret_ciphertext BYTEA,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at        TIMESTAMP WITH TIME ZONE,
  revoked_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT partner_credential_id_uq UNIQUE (credential_id),
  CONSTRAINT partner_credential_key_uq UNIQUE (partner_ref, kind, lookup_key),
  CONSTRAINT partner_credential_partner_fk FOREIGN KEY (partner_ref) REFERENCES partner (id),
  CONSTRAINT partner_credential_kind_ck CHECK (kind IN ('OAUTH_CLIENT', 'WEBHOOK_SECRET', 'SSH_PUBLIC_KEY', 'IP_RANGE'))
);
CREATE INDEX partner_credential_lookup_ix ON partner_credential (kind, lookup_key);

CREATE TABLE audit_log (
  id             BIGINT                   NOT NULL PRIMARY KEY,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  direction      VARCHAR(16)              NOT NULL,
  partner_id     VARCHAR(40),
  actor          VARCHAR(128),
  operation      VARCHAR(200)             NOT NULL,
  outcome        VARCHAR(16)              NOT NULL,
  http_status    INTEGER,
  error_code     VARCHAR(64),
  correlation_id VARCHAR(128)             NOT NULL,
  duration_ms    BIGINT
);
CREATE INDEX audit_log_time_ix ON audit_log (occurred_at, id);
CREATE INDEX audit_log_partner_ix ON audit_log (partner_id, occurred_at);
CREATE INDEX audit_log_correlation_ix ON audit_log (correlation_id);
