-- Each processing attempt of an idempotency key holds a claim id: only the holder may store the
-- answer or give the key back, so an attempt whose lease was taken over cannot overwrite the answer.
ALTER TABLE idempotency_record ADD COLUMN claim_id VARCHAR(36);
UPDATE idempotency_record SET claim_id = 'migrated' WHERE claim_id IS NULL;
ALTER TABLE idempotency_record ALTER COLUMN claim_id SET NOT NULL;

-- The ERP sandbox's invoices: raised for an order, with a document the ERP can hand out.
CREATE TABLE erp_sandbox_invoice (
  id             BIGINT                   NOT NULL PRIMARY KEY,
  invoice_number VARCHAR(40)              NOT NULL,
  tenant_id      VARCHAR(64)              NOT NULL,
  order_id       VARCHAR(64)              NOT NULL,
  erp_order_id   VARCHAR(40)              NOT NULL,
  currency       VARCHAR(3)               NOT NULL,
  gross_minor    BIGINT                   NOT NULL,
  status         VARCHAR(16)              NOT NULL,
  version        BIGINT                   NOT NULL,
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT erp_sandbox_invoice_number_uq UNIQUE (invoice_number),
  CONSTRAINT erp_sandbox_invoice_status_ck CHECK (status IN ('OPEN', 'PAID'))
);
CREATE INDEX erp_sandbox_invoice_order_ix ON erp_sandbox_invoice (tenant_id, order_id);
