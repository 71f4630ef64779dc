package io.b2bhub.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox ERP's current behaviour, applied at the start of every sandbox call. */
@ApplicationScoped
public class SandboxConditions {
  private final AtomicReference<SandboxBehaviour> current =
      new AtomicReference<>(SandboxBehaviour.HEALTHY);
  private final AtomicInteger forcedFailures = new AtomicInteger();
  private final AtomicInteger forcedRejections = new AtomicInteger();

  public SandboxBehaviour current() {
    return current.get();
  }

  public void set(SandboxBehaviour behaviour) {
    current.set(behaviour);
    forcedFailures.set(behaviour.rateLimitNextCalls());
    forcedRejections.set(behaviour.rejectNextCalls());
  }

  /** Waits the configured latency, then maybe fails the call the way a struggling ERP would. */
  Optional<Response> misbehave() {
    SandboxBehaviour behaviour = current.get();
    if (behaviour.latencyMs() > 0) {
      simulateProcessingTime(behaviour.latencyMs());
    }
    if (forcedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Optional.of(failure(429, behaviour));
    }
    if (forcedRejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Optional.of(
          Response.status(422)
              .type("application/json")
              .entity("{\"error\":\"sandbox 422: the ERP refused the data\"}")
              .build());
    }
    return byShare(behaviour);
  }

  /**
   * For the change feed, which the hub polls on its own schedule: latency and the shares apply, but
   * it never takes one of the "next N calls" failures meant for the calls a test or a partner
   * makes.
   */
  Optional<Response> misbehaveForPolling() {
    SandboxBehaviour behaviour = current.get();
    if (behaviour.latencyMs() > 0) {
      simulateProcessingTime(behaviour.latencyMs());
    }
    return byShare(behaviour);
  }

  private static Optional<Response> byShare(SandboxBehaviour behaviour) {
    double draw = ThreadLocalRandom.current().nextDouble();
    if (draw < behaviour.unavailableShare()) {
      return Optional.of(failure(503, behaviour));
    }
    if (draw < behaviour.unavailableShare() + behaviour.rateLimitedShare()) {
      return Optional.of(failure(429, behaviour));
    }
    return Optional.empty();
  }

  /** The simulated ERP's processing time: the behaviour under test, not a wait in a test. */
  private static void simulateProcessingTime(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Response failure(int status, SandboxBehaviour behaviour) {
    return Response.status(status)
        .header("Retry-After", behaviour.retryAfterSeconds())
        .type("application/json")
        .entity("{\"error\":\"sandbox " + status + "\"}")
        .build();
  }
}
