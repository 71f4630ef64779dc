package io.b2bhub.platform.erp;

import java.time.Instant;

/**
 * One entry of the ERP's change feed, in the order the ERP committed it: an invoice raised or
 * changed, a payment recorded, a price changed. {@code seq} only grows; the fields that do not
 * belong to the kind are null.
 */
public record ErpChange(
    long seq,
    Kind kind,
    String tenantId,
    String orderId,
    String invoiceNumber,
    String status,
    String articleNumber,
    String priceListId,
    Long amountMinor,
    String currency,
    long version,
    Instant effectiveAt,
    Instant occurredAt) {

  /** What changed in the ERP. */
  public enum Kind {
    INVOICE,
    PAYMENT,
    PRICE
  }
}
