package it.io.b2bhub;

import java.nio.charset.StandardCharsets;

/** Generated inventory CSV files with their control totals, as a partner system would export. */
record InventoryFiles(byte[] content, long records, long qty) {
  static InventoryFiles of(int rows) {
    StringBuilder csv = new StringBuilder(rows * 44 + 32).append("sku,location,qty,as_of\n");
    long qty = 0;
    for (int i = 1; i <= rows; i++) {
      long q = (i * 37L) % 1000;
      qty += q;
      csv.append(String.format("SKU-%07d", i))
          .append(",WH-")
          .append(i % 7)
          .append(',')
          .append(q)
          .append(",2025-09-16T02:00:00Z\n");
    }
    return new InventoryFiles(csv.toString().getBytes(StandardCharsets.UTF_8), rows, qty);
  }

  static InventoryFiles raw(String csv, long records, long qty) {
    return new InventoryFiles(csv.getBytes(StandardCharsets.UTF_8), records, qty);
  }
}
