-- Messages a consumer gave up on: kept with everything needed to understand and replay them.
CREATE SEQUENCE dead_letter_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE dead_letter (
  id               BIGINT                   NOT NULL PRIMARY KEY,
  event_id         VARCHAR(100)             NOT NULL,
  event_type       VARCHAR(100)             NOT NULL,
  consumer         VARCHAR(100)             NOT NULL,
  tenant_id        VARCHAR(64),
  partner_id       VARCHAR(40),
  order_id         VARCHAR(64),
  customer_id      VARCHAR(64),
  correlation_id   VARCHAR(128)             NOT NULL,
  payload          VARCHAR(200000)          NOT NULL,
  headers          VARCHAR(4000)            NOT NULL,
  reason           VARCHAR(16)              NOT NULL,
  error            VARCHAR(1000)            NOT NULL,
  attempts         INTEGER                  NOT NULL,
  first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  state            VARCHAR(16)              NOT NULL,
  replayed_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT dead_letter_reason_ck CHECK (reason IN ('EXHAUSTED', 'REJECTED', 'POISON')),
  CONSTRAINT dead_letter_state_ck CHECK (state IN ('NEW', 'REPLAYED'))
);
CREATE INDEX dead_letter_scope_ix ON dead_letter (state, tenant_id, last_failure_at);

-- Raised for operators (dead letters, later SLA breaches); acknowledged by hand.
CREATE SEQUENCE alert_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE alert (
  id             BIGINT                   NOT NULL PRIMARY KEY,
  kind           VARCHAR(40)              NOT NULL,
  message        VARCHAR(1000)            NOT NULL,
  correlation_id VARCHAR(128),
  raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged   BOOLEAN                  NOT NULL
);
