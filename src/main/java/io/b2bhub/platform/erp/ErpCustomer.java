package io.b2bhub.platform.erp;

/** A customer as the ERP receives it. Carries personal data: never log it. */
public record ErpCustomer(
    String tenantId,
    String customerId,
    long version,
    String name,
    String email,
    String countryCode) {}
