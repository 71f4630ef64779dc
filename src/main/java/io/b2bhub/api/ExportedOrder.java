package io.b2bhub.api;

import java.time.Instant;

/** An order as the export shows it; amounts in minor units of {@code currency}. */
public record ExportedOrder(
    String orderId,
    String tenantId,
    String status,
    long version,
    long statusVersion,
    String customerRef,
    String currency,
    long totalAmount,
    long netAmount,
    long taxAmount,
    int lineCount,
    String erpOrderId,
    Instant updatedAt) {}
