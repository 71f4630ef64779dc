package io.b2bhub.erp;

/** The ERP contract's records: what the ERP returns of its books and takes as a status change. */
public final class ErpRecords {
  private ErpRecords() {}

  /** A sandbox customer. */
  public record Customer(
      String externalId,
      String tenantId,
      String customerId,
      long version,
      String name,
      String email) {}

  /** A sandbox order. */
  public record Order(
      String externalId,
      String tenantId,
      String orderId,
      long version,
      String status,
      String customerRef,
      String currency,
      long grossMinor,
      int lineCount) {}

  /** A status change as the ERP receives it. */
  public record StatusChange(String status, long version) {}
}
