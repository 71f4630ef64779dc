-- Which partner sends for which webshop tenant. The first partner to use a tenant owns it; the ERP
-- keys its records by tenant, so without this one partner could write into another's ERP records.
CREATE TABLE tenant_owner (
  tenant_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
  partner_id VARCHAR(40)              NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
