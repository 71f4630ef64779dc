package it.io.b2bhub;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls until a condition holds, failing the test when the deadline passes. */
public final class Deadline {
  private Deadline() {}

  public static <T> T await(Duration within, String what, Supplier<T> probe) {
    return await(within, what, probe, () -> "");
  }

  /** As above; on failure the message also carries what {@code evidence} saw at the deadline. */
  public static <T> T await(
      Duration within, String what, Supplier<T> probe, Supplier<String> evidence) {
    Instant end = Instant.now().plus(within);
    while (Instant.now().isBefore(end)) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    String seen = evidence.get();
    return fail("Not true within " + within + ": " + what + (seen.isEmpty() ? "" : "; " + seen));
  }
}
