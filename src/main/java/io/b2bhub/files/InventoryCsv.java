package io.b2bhub.files;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The inventory flow's CSV format: the header {@code sku,location,qty,as_of}, then one stock level
 * per line; UTF-8, comma separated, no quoting (no field may contain a comma or a quote).
 */
public final class InventoryCsv {
  public static final String HEADER = "sku,location,qty,as_of";
  public static final String QTY = "qty";
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
  private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final long MAX_QUANTITY = 1_000_000_000_000L;

  private InventoryCsv() {}

  /** The header's problem, or null when it is the expected one. */
  public static String headerProblem(String header) {
    String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
    return HEADER.equals(h.strip()) ? null : "the header must be exactly \"" + HEADER + "\"";
  }

  /**
   * Parses one data line; each problem goes to {@code errors} and the result is then null. Problems
   * are named by field so the report says exactly what to fix.
   */
  public static InventoryRecord parse(String line, long lineNumber, Consumer<LineError> errors) {
    String[] fields =
        line.endsWith("\r") ? split(line.substring(0, line.length() - 1)) : split(line);
    if (fields == null || fields.length != 4) {
      errors.accept(new LineError(lineNumber, "*", "expected 4 comma-separated fields: " + HEADER));
      return null;
    }
    boolean valid = true;
    if (!SKU.matcher(fields[0]).matches()) {
      errors.accept(new LineError(lineNumber, "sku", "1-64 letters, digits or . _ / -"));
      valid = false;
    }
    if (!LOCATION.matcher(fields[1]).matches()) {
      errors.accept(new LineError(lineNumber, "location", "1-32 letters, digits or . _ -"));
      valid = false;
    }
    long quantity = -1;
    try {
      quantity = Long.parseLong(fields[2]);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (quantity < 0 || quantity > MAX_QUANTITY) {
      errors.accept(new LineError(lineNumber, QTY, "a whole number from 0 to " + MAX_QUANTITY));
      valid = false;
    }
    Instant asOf = null;
    try {
      asOf = Instant.parse(fields[3]);
    } catch (DateTimeParseException e) {
      errors.accept(
          new LineError(
              lineNumber, "as_of", "an ISO-8601 UTC timestamp, e.g. 2025-09-16T02:00:00Z"));
      valid = false;
    }
    return valid ? new InventoryRecord(fields[0], fields[1], quantity, asOf) : null;
  }

  /** Splits on commas; null when a quote shows the line relies on CSV quoting. */
  private static String[] split(String line) {
    if (line.indexOf('"') >= 0) {
      return null;
    }
    String[] fields = new String[4];
    int count = 0;
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == ',') {
        if (count == 4) {
          return new String[5];
        }
        fields[count++] = line.substring(start, i);
        start = i + 1;
      }
    }
    return count == 4 ? fields : new String[count];
  }
}
