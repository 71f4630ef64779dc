package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The single source of "now" for the hub: always UTC, replaceable in tests. */
@ApplicationScoped
public class UtcClock {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
