package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The single source of "now" for the hub: always UTC, replaceable in tests. */
@ApplicationScoped
public class UtcClock {
  @Produces
  @ApplicationScoped
  Clock clock() {
    // Microsecond ticks: what both databases store, so a value reads back exactly as written.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
