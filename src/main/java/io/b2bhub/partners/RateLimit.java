package io.b2bhub.partners;

import java.time.Duration;

/** A request budget: {@code capacity} requests per {@code window}, written "120/1m" (s, m or h). */
public record RateLimit(long capacity, Duration window) {
  public static final String PATTERN = "[1-9][0-9]{0,6}/[1-9][0-9]{0,3}[smh]";

  public static RateLimit parse(String text) {
    if (text == null || !text.matches(PATTERN)) {
      throw new IllegalArgumentException("Rate limit must look like 120/1m: " + text);
    }
    String[] parts = text.split("/");
    String window = parts[1];
    long amount = Long.parseLong(window.substring(0, window.length() - 1));
    Duration unit =
        switch (window.charAt(window.length() - 1)) {
          case 's' -> Duration.ofSeconds(1);
          case 'm' -> Duration.ofMinutes(1);
          default -> Duration.ofHours(1);
        };
    return new RateLimit(Long.parseLong(parts[0]), unit.multipliedBy(amount));
  }
}
