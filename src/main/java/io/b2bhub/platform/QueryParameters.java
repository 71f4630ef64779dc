package io.b2bhub.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses query parameters the same way everywhere, with a typed error when they are malformed. */
public final class QueryParameters {
  private QueryParameters() {}

  /** An ISO-8601 instant in UTC, e.g. 2026-01-31T23:00:00Z; null when absent. */
  public static OffsetDateTime utcTime(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER,
          name + " must be an ISO-8601 UTC time such as 2026-01-31T23:00:00Z.",
          List.of(new Problem.FieldError(name, "not an ISO-8601 UTC time")));
    }
  }

  /** A page size; {@link PageRequest} checks the range. */
  public static int limit(String value, int defaultLimit) {
    if (value == null || value.isBlank()) {
      return defaultLimit;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER,
          "limit must be a whole number.",
          List.of(new Problem.FieldError("limit", "not a whole number")));
    }
  }

  /** An ISO-8601 duration, e.g. PT24H; null when absent. */
  public static Duration duration(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER,
          name + " must be an ISO-8601 duration such as PT24H.",
          List.of(new Problem.FieldError(name, "not an ISO-8601 duration")));
    }
  }

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER,
          name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
    }
  }
}
