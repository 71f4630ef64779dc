package io.b2bhub.files;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The inventory flow's CSV format: the header {@code sku,location,qty,as_of}, then one stock level
 * per line; UTF-8, comma separated, no quoting (no field may contain a comma or a quote).
 */
public final class InventoryCsv {
  public static final String HEADER = "sku,location,qty,as_of";
  public static final String QTY = "qty";
  private static final long MAX_QUANTITY = 1_000_000_000_000L;

  private String lastAsOfText;
  private Instant lastAsOf;

  /** The header's problem, or null when it is the expected one. */
  public static String headerProblem(String header) {
    String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
    return HEADER.equals(h.strip()) ? null : "the header must be exactly \"" + HEADER + "\"";
  }

  /**
   * Parses one data line; each problem goes to {@code errors} and the result is then null. Problems
   * are named by field so the report says exactly what to fix. Not thread-safe: it remembers the
   * last {@code as_of} it parsed, since most files carry one time on every line.
   */
  public InventoryRecord parse(String line, long lineNumber, Consumer<LineError> errors) {
    String[] fields =
        line.endsWith("\r") ? split(line.substring(0, line.length() - 1)) : split(line);
    if (fields == null || fields.length != 4) {
      errors.accept(new LineError(lineNumber, "*", "expected 4 comma-separated fields: " + HEADER));
      return null;
    }
    boolean valid = true;
    if (!isCode(fields[0], 64, true)) {
      errors.accept(new LineError(lineNumber, "sku", "1-64 letters, digits or . _ / -"));
      valid = false;
    }
    if (!isCode(fields[1], 32, false)) {
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
    Instant asOf = asOf(fields[3]);
    if (asOf == null) {
      errors.accept(
          new LineError(
              lineNumber, "as_of", "an ISO-8601 UTC timestamp, e.g. 2025-09-16T02:00:00Z"));
      valid = false;
    }
    return valid ? new InventoryRecord(fields[0], fields[1], quantity, asOf) : null;
  }

  private Instant asOf(String text) {
    if (text.equals(lastAsOfText)) {
      return lastAsOf;
    }
    try {
      lastAsOf = Instant.parse(text);
      lastAsOfText = text;
      return lastAsOf;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Letters, digits and . _ - (and / for SKUs), starting with a letter or digit. */
  private static boolean isCode(String s, int max, boolean slash) {
    int n = s.length();
    if (n == 0 || n > max) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || !(c == '.' || c == '_' || c == '-' || (slash && c == '/')))) {
        return false;
      }
    }
    return true;
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
