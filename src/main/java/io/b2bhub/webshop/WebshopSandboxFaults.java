package io.b2bhub.webshop;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Deterministic trouble for the webshop sandbox: fail the next N pushes with 503. */
@ApplicationScoped
public class WebshopSandboxFaults {
  private final AtomicInteger failNext = new AtomicInteger();

  /** How the sandbox webshop misbehaves. */
  public record Behaviour(@jakarta.validation.constraints.Min(0) int failNextPushes) {}

  void set(Behaviour behaviour) {
    failNext.set(behaviour.failNextPushes());
  }

  Behaviour current() {
    return new Behaviour(failNext.get());
  }

  boolean failThisPush() {
    return failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
