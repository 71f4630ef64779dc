package io.b2bhub.platform.erp;

/** What the ERP holds of an order: its id there, the version it took, its status. */
public record ErpOrderState(String externalId, long version, String status) {}
