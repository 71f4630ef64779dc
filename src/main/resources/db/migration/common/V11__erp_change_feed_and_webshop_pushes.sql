-- The sandbox ERP's change feed: invoices, payments and prices in commit order. The feed head is
-- locked by every writer, so positions commit in order.
CREATE TABLE erp_sandbox_feed_head (
  id       INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT  NOT NULL
);
INSERT INTO erp_sandbox_feed_head (id, last_seq) VALUES (1, 0);

CREATE TABLE erp_sandbox_change (
  seq            BIGINT                   NOT NULL PRIMARY KEY,
  kind           VARCHAR(16)              NOT NULL,
  tenant_id      VARCHAR(64)              NOT NULL,
  order_id       VARCHAR(64),
  invoice_number VARCHAR(40),
  status         VARCHAR(16),
  article_number VARCHAR(64),
  price_list_id  VARCHAR(64),
  amount_minor   BIGINT,
  currency       VARCHAR(3),
  version        BIGINT                   NOT NULL,
  effective_at   TIMESTAMP WITH TIME ZONE,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_sandbox_change_kind_ck CHECK (kind IN ('INVOICE', 'PAYMENT', 'PRICE'))
);

CREATE TABLE erp_sandbox_price (
  id             BIGINT                   NOT NULL PRIMARY KEY,
  tenant_id      VARCHAR(64)              NOT NULL,
  price_list_id  VARCHAR(64)              NOT NULL,
  article_number VARCHAR(64)              NOT NULL,
  amount_minor   BIGINT                   NOT NULL,
  currency       VARCHAR(3)               NOT NULL,
  version        BIGINT                   NOT NULL,
  effective_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_sandbox_price_uq UNIQUE (tenant_id, price_list_id, article_number)
);

-- How far the hub has read the ERP's change feed. Advanced in the same transaction as the outbox
-- rows of the changes read, so a change is announced exactly once.
CREATE TABLE erp_feed_position (
  feed       VARCHAR(40)              NOT NULL PRIMARY KEY,
  last_seq   BIGINT                   NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every push the hub made to the webshop, with the webshop's answer: evidence and the "last pushed
-- state" reconciliation compares against.
CREATE SEQUENCE webshop_push_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webshop_push (
  id              BIGINT                   NOT NULL PRIMARY KEY,
  event_id        VARCHAR(100)             NOT NULL,
  kind            VARCHAR(16)              NOT NULL,
  tenant_id       VARCHAR(64)              NOT NULL,
  subject         VARCHAR(140)             NOT NULL,
  idempotency_key VARCHAR(300)             NOT NULL,
  http_status     INTEGER                  NOT NULL,
  attempt         INTEGER                  NOT NULL,
  correlation_id  VARCHAR(128)             NOT NULL,
  pushed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT webshop_push_kind_ck CHECK (kind IN ('INVOICE', 'PAYMENT', 'PRICE'))
);
CREATE INDEX webshop_push_subject_ix ON webshop_push (tenant_id, kind, subject);

-- The built-in webshop sandbox: what it received (by tenant and idempotency key: the contract's keys
-- name orders and articles, which are unique within a tenant) and what it made of it.
CREATE TABLE webshop_sandbox_receipt (
  idempotency_key VARCHAR(300)             NOT NULL,
  body_hash       VARCHAR(64)              NOT NULL,
  kind            VARCHAR(16)              NOT NULL,
  tenant_id       VARCHAR(64)              NOT NULL,
  subject         VARCHAR(140)             NOT NULL,
  outcome         VARCHAR(16)              NOT NULL,
  replays         INTEGER                  NOT NULL,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, idempotency_key)
);

CREATE TABLE webshop_sandbox_payment (
  tenant_id  VARCHAR(64)              NOT NULL,
  order_id   VARCHAR(64)              NOT NULL,
  status     VARCHAR(16)              NOT NULL,
  version    BIGINT                   NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, order_id)
);

CREATE TABLE webshop_sandbox_invoice (
  tenant_id        VARCHAR(64)              NOT NULL,
  invoice_number   VARCHAR(40)              NOT NULL,
  order_id         VARCHAR(64)              NOT NULL,
  status           VARCHAR(16)              NOT NULL,
  version          BIGINT                   NOT NULL,
  document_url     VARCHAR(2000)            NOT NULL,
  link_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, invoice_number)
);

CREATE TABLE webshop_sandbox_price (
  tenant_id      VARCHAR(64)              NOT NULL,
  price_list_id  VARCHAR(64)              NOT NULL,
  article_number VARCHAR(64)              NOT NULL,
  amount_minor   BIGINT                   NOT NULL,
  currency       VARCHAR(3)               NOT NULL,
  version        BIGINT                   NOT NULL,
  effective_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, price_list_id, article_number)
);
