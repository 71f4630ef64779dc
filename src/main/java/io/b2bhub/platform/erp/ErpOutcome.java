package io.b2bhub.platform.erp;

/** What the ERP did: its own id for the record, and whether it was new to it. */
public record ErpOutcome(String externalId, boolean created) {}
