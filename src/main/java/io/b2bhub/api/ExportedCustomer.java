package io.b2bhub.api;

import java.time.Instant;

/** A customer as the export shows it: ids and versions only, no personal data. */
public record ExportedCustomer(
    String customerId, String tenantId, long version, String erpCustomerId, Instant updatedAt) {}
