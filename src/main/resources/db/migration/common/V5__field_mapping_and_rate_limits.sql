-- Per-partner field mapping rules (the seed's "ours,partner,type,notes" CSV) and per-partner rate limits.

CREATE SEQUENCE field_mapping_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE field_mapping (
  id            BIGINT       NOT NULL PRIMARY KEY,
  partner_ref   BIGINT       NOT NULL,
  flow          VARCHAR(32)  NOT NULL,
  position      INTEGER      NOT NULL,
  ours          VARCHAR(64)  NOT NULL,
  partner_field VARCHAR(64)  NOT NULL,
  field_type    VARCHAR(16)  NOT NULL,
  notes         VARCHAR(200),
  CONSTRAINT field_mapping_partner_fk FOREIGN KEY (partner_ref) REFERENCES partner (id),
  CONSTRAINT field_mapping_uq UNIQUE (partner_ref, flow, ours),
  CONSTRAINT field_mapping_type_ck CHECK (field_type IN ('string', 'integer', 'datetime'))
);

-- Requests per window, e.g. "120/1m"; NULL means the configured default applies.
ALTER TABLE partner ADD COLUMN rate_limit VARCHAR(16);
