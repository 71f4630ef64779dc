-- Partners' webhook endpoints: what they subscribe to, the signing secrets (encrypted; the previous
-- one keeps signing until its overlap ends), and the endpoint's health.
CREATE TABLE webhook_subscription (
  id                        VARCHAR(36)              NOT NULL PRIMARY KEY,
  partner_id                VARCHAR(40)              NOT NULL,
  url                       VARCHAR(2000)            NOT NULL,
  event_types               VARCHAR(2000)            NOT NULL,
  header_style              VARCHAR(16)              NOT NULL,
  state                     VARCHAR(16)              NOT NULL,
  max_in_flight             INTEGER                  NOT NULL,
  disable_after_seconds     BIGINT                   NOT NULL,
  secret_ciphertext         BYTEA                    NOT NULL,
  previous_secret_ciphertext BYTEA,
  previous_secret_until     TIMESTAMP WITH TIME ZONE,
  consecutive_failures      INTEGER                  NOT NULL,
  failing_since             TIMESTAMP WITH TIME ZONE,
  breaker_open_until        TIMESTAMP WITH TIME ZONE,
  disabled_reason           VARCHAR(500),
  state_changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  version                   BIGINT                   NOT NULL,
  CONSTRAINT webhook_subscription_state_ck CHECK (state IN ('ACTIVE', 'PAUSED', 'DISABLED')),
  CONSTRAINT webhook_subscription_style_ck CHECK (header_style IN ('HUB', 'STANDARD'))
);
CREATE INDEX webhook_subscription_partner_ix ON webhook_subscription (partner_id);

-- One delivery of one event to one subscription: the webhooks' own outbox. Replays are new rows
-- with the original event id.
CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
  id              BIGINT                   NOT NULL PRIMARY KEY,
  subscription_id VARCHAR(36)              NOT NULL REFERENCES webhook_subscription (id),
  event_id        VARCHAR(100)             NOT NULL,
  event_type      VARCHAR(100)             NOT NULL,
  tenant_id       VARCHAR(64),
  correlation_id  VARCHAR(128)             NOT NULL,
  payload         VARCHAR(200000)          NOT NULL,
  state           VARCHAR(16)              NOT NULL,
  attempts        INTEGER                  NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until   TIMESTAMP WITH TIME ZONE,
  claim_token     VARCHAR(36),
  last_status     INTEGER,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  replay_of       BIGINT,
  CONSTRAINT webhook_delivery_state_ck
    CHECK (state IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED', 'DEAD', 'SKIPPED'))
);
CREATE INDEX webhook_delivery_due_ix ON webhook_delivery (state, next_attempt_at);
-- An endpoint's next due deliveries, oldest first, without sorting its backlog.
CREATE INDEX webhook_delivery_subscription_ix
  ON webhook_delivery (subscription_id, state, next_attempt_at, id);
CREATE INDEX webhook_delivery_event_ix ON webhook_delivery (event_id);
CREATE INDEX webhook_delivery_claim_ix ON webhook_delivery (claim_token);

-- Every attempt, as evidence for the partner and for certification (no secrets, snippet only).
CREATE SEQUENCE webhook_attempt_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_attempt (
  id               BIGINT                   NOT NULL PRIMARY KEY,
  delivery_id      BIGINT                   NOT NULL REFERENCES webhook_delivery (id),
  attempt          INTEGER                  NOT NULL,
  attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  http_status      INTEGER,
  latency_ms       BIGINT                   NOT NULL,
  error            VARCHAR(500),
  response_snippet VARCHAR(512)
);
CREATE INDEX webhook_attempt_delivery_ix ON webhook_attempt (delivery_id);
