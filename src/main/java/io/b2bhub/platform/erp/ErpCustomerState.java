package io.b2bhub.platform.erp;

/** What the ERP holds of a customer: its id there and the version it took. */
public record ErpCustomerState(String externalId, long version) {}
