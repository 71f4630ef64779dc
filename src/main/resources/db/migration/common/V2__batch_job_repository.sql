-- Jakarta Batch job repository (Liberty's databaseStore, tablePrefix WLP, keyGenerationStrategy SEQUENCE).
-- Liberty creates these itself only when createTables=true (and not at all on H2); the hub owns them here so both databases
-- get the same, reviewed schema.

CREATE SEQUENCE wlpseq START WITH 50 INCREMENT BY 50;

CREATE TABLE wlpjobinstance (
  jobinstanceid BIGINT       NOT NULL,
  amcname       VARCHAR(512),
  batchstatus   INTEGER      NOT NULL,
  createtime    TIMESTAMP    NOT NULL,
  exitstatus    VARCHAR(512),
  instancestate INTEGER      NOT NULL,
  jobname       VARCHAR(256),
  jobxml        BYTEA,
  jobxmlname    VARCHAR(128),
  numexecs      INTEGER      NOT NULL,
  restarton     VARCHAR(128),
  submitter     VARCHAR(256),
  updatetime    TIMESTAMP,
  CONSTRAINT wlpjobinstance_pk PRIMARY KEY (jobinstanceid)
);

CREATE TABLE wlpjobexecution (
  jobexecid        BIGINT    NOT NULL,
  batchstatus      INTEGER   NOT NULL,
  createtime       TIMESTAMP NOT NULL,
  endtime          TIMESTAMP,
  execnum          INTEGER   NOT NULL,
  exitstatus       VARCHAR(512),
  jobparameters    BYTEA,
  logpath          VARCHAR(512),
  resturl          VARCHAR(512),
  serverid         VARCHAR(256),
  starttime        TIMESTAMP,
  updatetime       TIMESTAMP,
  fk_jobinstanceid BIGINT    NOT NULL,
  CONSTRAINT wlpjobexecution_pk PRIMARY KEY (jobexecid),
  CONSTRAINT wlpje_ji_fk FOREIGN KEY (fk_jobinstanceid) REFERENCES wlpjobinstance (jobinstanceid)
);
CREATE INDEX wlpje_fkinstanceid_ix ON wlpjobexecution (fk_jobinstanceid);

CREATE TABLE wlpjobparameter (
  fk_jobexecid BIGINT,
  name         VARCHAR(255),
  value        VARCHAR(4096),
  CONSTRAINT wlpjp_je_fk FOREIGN KEY (fk_jobexecid) REFERENCES wlpjobexecution (jobexecid)
);
CREATE INDEX wlpjp_fkjobexecid_ix ON wlpjobparameter (fk_jobexecid);

CREATE TABLE wlpgroupassociation (
  fk_jobinstanceid BIGINT,
  groupnames       VARCHAR(255),
  CONSTRAINT wlpga_ji_fk FOREIGN KEY (fk_jobinstanceid) REFERENCES wlpjobinstance (jobinstanceid)
);
CREATE INDEX wlpga_fkinstanceid_ix ON wlpgroupassociation (fk_jobinstanceid);

CREATE TABLE wlpstepthreadexecution (
  stepexecid           BIGINT       NOT NULL,
  threadtype           VARCHAR(31),
  batchstatus          INTEGER      NOT NULL,
  exitstatus           VARCHAR(512),
  stepname             VARCHAR(128) NOT NULL,
  partnum              INTEGER      NOT NULL,
  internalstatus       INTEGER      NOT NULL,
  m_read               BIGINT       NOT NULL,
  m_write              BIGINT       NOT NULL,
  m_commit             BIGINT       NOT NULL,
  m_rollback           BIGINT       NOT NULL,
  m_readskip           BIGINT       NOT NULL,
  m_processskip        BIGINT       NOT NULL,
  m_writeskip          BIGINT       NOT NULL,
  m_filter             BIGINT       NOT NULL,
  starttime            TIMESTAMP,
  endtime              TIMESTAMP,
  userdata             BYTEA,
  fk_jobexecid         BIGINT       NOT NULL,
  fk_toplvl_stepexecid BIGINT,
  ispartitionedstep    BOOLEAN,
  CONSTRAINT wlpstepthreadexecution_pk PRIMARY KEY (stepexecid),
  CONSTRAINT wlpste_uq UNIQUE (fk_jobexecid, stepname, partnum),
  CONSTRAINT wlpste_je_fk FOREIGN KEY (fk_jobexecid) REFERENCES wlpjobexecution (jobexecid),
  CONSTRAINT wlpste_tl_fk FOREIGN KEY (fk_toplvl_stepexecid) REFERENCES wlpstepthreadexecution (stepexecid)
);
CREATE INDEX wlpste_fkjobexecid_ix ON wlpstepthreadexecution (fk_jobexecid);
CREATE INDEX wlpste_fktlstepeid_ix ON wlpstepthreadexecution (fk_toplvl_stepexecid);

CREATE TABLE wlpstepthreadinstance (
  fk_jobinstanceid     BIGINT       NOT NULL,
  stepname             VARCHAR(128) NOT NULL,
  partnum              INTEGER      NOT NULL,
  threadtype           VARCHAR(31),
  checkpointdata       BYTEA,
  fk_latest_stepexecid BIGINT       NOT NULL,
  startcount           INTEGER,
  partitionplansize    INTEGER,
  partitioned          BOOLEAN,
  CONSTRAINT wlpstepthreadinstance_pk PRIMARY KEY (fk_jobinstanceid, stepname, partnum),
  CONSTRAINT wlpsti_ji_fk FOREIGN KEY (fk_jobinstanceid) REFERENCES wlpjobinstance (jobinstanceid),
  CONSTRAINT wlpsti_ste_fk FOREIGN KEY (fk_latest_stepexecid) REFERENCES wlpstepthreadexecution (stepexecid)
);
CREATE INDEX wlpsti_fkinstanceid_ix ON wlpstepthreadinstance (fk_jobinstanceid);
CREATE INDEX wlpsti_fklatest_sei_ix ON wlpstepthreadinstance (fk_latest_stepexecid);

CREATE TABLE wlpremotablepartition (
  fk_jobexecutionid  BIGINT       NOT NULL,
  stepname           VARCHAR(255) NOT NULL,
  partnum            INTEGER      NOT NULL,
  fk_stepexecutionid BIGINT,
  internalstate      INTEGER,
  serverid           VARCHAR(256),
  resturl            VARCHAR(512),
  logpath            VARCHAR(512),
  lastupdated        TIMESTAMP,
  CONSTRAINT wlpremotablepartition_pk PRIMARY KEY (fk_jobexecutionid, stepname, partnum),
  CONSTRAINT wlprp_je_fk FOREIGN KEY (fk_jobexecutionid) REFERENCES wlpjobexecution (jobexecid),
  CONSTRAINT wlprp_ste_fk FOREIGN KEY (fk_stepexecutionid) REFERENCES wlpstepthreadexecution (stepexecid)
);
