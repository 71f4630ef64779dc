-- Liberty OAuth provider database store, H2 flavour (CLOB: Liberty reads these columns as CLOBs on H2) (databaseStore schema = OAUTH_DB_SCHEMA, default oauthdbschema).
-- Liberty reads and writes these tables with unquoted names and never creates them itself.
-- The hub registers one client per partner credential here; secrets are stored as PBKDF2 hashes.

CREATE SCHEMA IF NOT EXISTS ${oauthSchema};

CREATE TABLE ${oauthSchema}.oauth20cache (
  lookupkey      VARCHAR(256)  NOT NULL PRIMARY KEY,
  uniqueid       VARCHAR(128)  NOT NULL,
  componentid    VARCHAR(256)  NOT NULL,
  type           VARCHAR(64)   NOT NULL,
  subtype        VARCHAR(64),
  createdat      BIGINT,
  lifetime       INTEGER,
  expires        BIGINT,
  tokenstring    CHARACTER LARGE OBJECT NOT NULL,
  clientid       VARCHAR(256)  NOT NULL,
  username       VARCHAR(256)  NOT NULL,
  scope          VARCHAR(1024) NOT NULL,
  redirecturi    VARCHAR(2048),
  stateid        VARCHAR(64)   NOT NULL,
  extendedfields CHARACTER LARGE OBJECT NOT NULL DEFAULT '{}'
);
CREATE INDEX oauth20cache_expires_ix ON ${oauthSchema}.oauth20cache (expires);

CREATE TABLE ${oauthSchema}.oauth20clientconfig (
  componentid    VARCHAR(256)  NOT NULL,
  clientid       VARCHAR(256)  NOT NULL,
  clientsecret   VARCHAR(256),
  displayname    VARCHAR(256)  NOT NULL,
  redirecturi    VARCHAR(2048),
  enabled        INTEGER,
  clientmetadata CHARACTER LARGE OBJECT NOT NULL DEFAULT '{}',
  CONSTRAINT oauth20clientconfig_pk PRIMARY KEY (componentid, clientid)
);

CREATE TABLE ${oauthSchema}.oauth20consentcache (
  clientid       VARCHAR(256)  NOT NULL,
  userid         VARCHAR(256),
  providerid     VARCHAR(256)  NOT NULL,
  scope          VARCHAR(1024) NOT NULL,
  expires        BIGINT,
  extendedfields CHARACTER LARGE OBJECT NOT NULL DEFAULT '{}'
);
