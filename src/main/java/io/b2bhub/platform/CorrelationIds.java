package io.b2bhub.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/** Accepts a caller's correlation id when it is well-formed, otherwise mints a new one. */
public final class CorrelationIds {
  public static final String HEADER = "X-Correlation-ID";
  public static final String REQUEST_ATTRIBUTE = "io.b2bhub.correlationId";

  // Printable, header- and log-safe, bounded: anything else could inject into logs or headers.
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

  private CorrelationIds() {}

  public static boolean isWellFormed(String candidate) {
    return candidate != null && WELL_FORMED.matcher(candidate).matches();
  }

  public static String acceptOrGenerate(String incoming) {
    return isWellFormed(incoming) ? incoming : generate();
  }

  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
