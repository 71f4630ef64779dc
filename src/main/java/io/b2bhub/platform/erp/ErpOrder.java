package io.b2bhub.platform.erp;

import java.util.List;

/** An order as the ERP receives it; amounts in minor units of {@code currency}. */
public record ErpOrder(
    String tenantId,
    String orderId,
    long version,
    String customerRef,
    String currency,
    long netMinor,
    long taxMinor,
    long grossMinor,
    List<Line> lines) {

  /** One order line. */
  public record Line(String sku, long quantity, long unitPriceMinor, long lineTotalMinor) {}
}
