package io.b2bhub.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A retry policy in the seed's format ({@code flow,max_attempts,backoff_ms_cap,jitter}): capped
 * exponential backoff with full jitter, where a server's Retry-After is a floor, never ignored.
 */
public record RetryPolicy(
    String flow, int maxAttempts, Duration cap, Duration base, boolean fullJitter) {

  /** Parses e.g. "api.call,4,60000,full"; {@code base} is the first backoff step. */
  public static RetryPolicy parse(String line, Duration base) {
    String[] fields = line.split(",");
    if (fields.length != 4) {
      throw new IllegalArgumentException(
          "Retry policy must be flow,max_attempts,backoff_ms_cap,jitter");
    }
    return new RetryPolicy(
        fields[0].trim(),
        Integer.parseInt(fields[1].trim()),
        Duration.ofMillis(Long.parseLong(fields[2].trim())),
        base,
        "full".equals(fields[3].trim().toLowerCase(Locale.ROOT)));
  }

  public boolean allowsAnotherAttempt(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /**
   * The pause before the next attempt after {@code attemptsMade} failures: uniformly random in [0,
   * min(cap, base * 2^(attemptsMade-1))] with full jitter, but at least what the server asked for.
   */
  public Duration delayAfter(int attemptsMade, Duration retryAfter, RandomGenerator random) {
    long ceiling = base.toMillis() << Math.min(30, Math.max(0, attemptsMade - 1));
    ceiling = Math.min(cap.toMillis(), Math.max(0, ceiling));
    long delay = fullJitter ? random.nextLong(ceiling + 1) : ceiling;
    long floor = retryAfter == null ? 0 : retryAfter.toMillis();
    return Duration.ofMillis(Math.max(delay, Math.min(floor, cap.toMillis())));
  }
}
