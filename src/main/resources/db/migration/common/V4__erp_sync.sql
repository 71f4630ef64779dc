-- ERP sync: idempotency records, the hub's view of synced customers and orders, work queued while the
-- ERP is unavailable, and the built-in ERP sandbox's own tables.

CREATE SEQUENCE sync_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE erp_sandbox_seq START WITH 50 INCREMENT BY 50;

-- One row per (partner, Idempotency-Key): the first request's hash and, once done, its response.
CREATE TABLE idempotency_record (
  partner_id      VARCHAR(40)              NOT NULL,
  idempotency_key VARCHAR(300)             NOT NULL,
  operation       VARCHAR(40)              NOT NULL,
  request_hash    VARCHAR(64)              NOT NULL,
  state           VARCHAR(16)              NOT NULL,
  response_status INTEGER,
  response_body   VARCHAR(20000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at    TIMESTAMP WITH TIME ZONE,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT idempotency_record_pk PRIMARY KEY (partner_id, idempotency_key),
  CONSTRAINT idempotency_record_state_ck CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
);
CREATE INDEX idempotency_record_expiry_ix ON idempotency_record (expires_at);

CREATE TABLE customer_sync (
  id              BIGINT                   NOT NULL PRIMARY KEY,
  partner_id      VARCHAR(40)              NOT NULL,
  tenant_id       VARCHAR(64)              NOT NULL,
  customer_id     VARCHAR(64)              NOT NULL,
  applied_version BIGINT                   NOT NULL,
  erp_customer_id VARCHAR(40),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT customer_sync_uq UNIQUE (partner_id, tenant_id, customer_id)
);
CREATE INDEX customer_sync_export_ix ON customer_sync (partner_id, updated_at, id);

CREATE TABLE order_sync (
  id               BIGINT                   NOT NULL PRIMARY KEY,
  partner_id       VARCHAR(40)              NOT NULL,
  tenant_id        VARCHAR(64)              NOT NULL,
  order_id         VARCHAR(64)              NOT NULL,
  applied_version  BIGINT                   NOT NULL,
  status           VARCHAR(32)              NOT NULL,
  status_version   BIGINT                   NOT NULL,
  customer_ref     VARCHAR(64)              NOT NULL,
  currency         VARCHAR(3)               NOT NULL,
  net_minor        BIGINT                   NOT NULL,
  tax_minor        BIGINT                   NOT NULL,
  gross_minor      BIGINT                   NOT NULL,
  line_count       INTEGER                  NOT NULL,
  erp_order_id     VARCHAR(40),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT order_sync_uq UNIQUE (partner_id, tenant_id, order_id)
);
CREATE INDEX order_sync_export_ix ON order_sync (partner_id, updated_at, id);

-- Accepted while the ERP was unavailable (brownout): nothing is lost, the events path drains it.
CREATE TABLE erp_pending_request (
  id              BIGINT                   NOT NULL PRIMARY KEY,
  request_id      VARCHAR(36)              NOT NULL,
  partner_id      VARCHAR(40)              NOT NULL,
  operation       VARCHAR(40)              NOT NULL,
  idempotency_key VARCHAR(300)             NOT NULL,
  payload         VARCHAR(20000)           NOT NULL,
  state           VARCHAR(16)              NOT NULL,
  attempts        INTEGER                  NOT NULL,
  last_error      VARCHAR(500),
  correlation_id  VARCHAR(128)             NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_pending_request_uq UNIQUE (request_id),
  CONSTRAINT erp_pending_request_state_ck CHECK (state IN ('PENDING', 'DONE', 'FAILED'))
);
CREATE INDEX erp_pending_request_state_ix ON erp_pending_request (state, created_at);

-- The ERP sandbox: a stand-in ERP with its own data, as a real ERP would keep it.
CREATE TABLE erp_sandbox_customer (
  id          BIGINT                   NOT NULL PRIMARY KEY,
  external_id VARCHAR(40)              NOT NULL,
  tenant_id   VARCHAR(64)              NOT NULL,
  customer_id VARCHAR(64)              NOT NULL,
  version     BIGINT                   NOT NULL,
  name        VARCHAR(200)             NOT NULL,
  email       VARCHAR(320)             NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_sandbox_customer_ext_uq UNIQUE (external_id),
  CONSTRAINT erp_sandbox_customer_uq UNIQUE (tenant_id, customer_id)
);

CREATE TABLE erp_sandbox_order (
  id           BIGINT                   NOT NULL PRIMARY KEY,
  external_id  VARCHAR(40)              NOT NULL,
  tenant_id    VARCHAR(64)              NOT NULL,
  order_id     VARCHAR(64)              NOT NULL,
  version      BIGINT                   NOT NULL,
  status       VARCHAR(32)              NOT NULL,
  customer_ref VARCHAR(64)              NOT NULL,
  currency     VARCHAR(3)               NOT NULL,
  gross_minor  BIGINT                   NOT NULL,
  line_count   INTEGER                  NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_sandbox_order_ext_uq UNIQUE (external_id),
  CONSTRAINT erp_sandbox_order_uq UNIQUE (tenant_id, order_id)
);
