-- Queued (brownout) requests now drain through the events path; the ERP's id is kept when done.
ALTER TABLE erp_pending_request ADD COLUMN erp_id VARCHAR(40);
