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

  /** A sandbox invoice; {@code version} grows with every change (e.g. when it is paid). */
  public record Invoice(
      String invoiceNumber,
      String tenantId,
      String orderId,
      String erpOrderId,
      String currency,
      long grossMinor,
      String status,
      long version,
      java.time.Instant issuedAt) {}

  /** A status change as the ERP receives it. */
  public record StatusChange(String status, long version) {}

  /** An article's price on a price list; {@code version} grows with every change. */
  public record Price(
      String tenantId,
      String priceListId,
      String articleNumber,
      long amountMinor,
      String currency,
      long version,
      java.time.Instant effectiveAt) {}

  /** A price as the sandbox is told to set it. */
  public record PriceChange(
      @jakarta.validation.constraints.PositiveOrZero long amountMinor,
      @jakarta.validation.constraints.NotNull
          @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}")
          String currency,
      java.time.Instant effectiveAt) {}
}
