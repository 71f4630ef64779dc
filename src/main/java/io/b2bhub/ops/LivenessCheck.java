package io.b2bhub.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless the heap is nearly exhausted: then a restart is the useful remedy. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  private static final double HEAP_LIMIT = 0.95;

  @Override
  public HealthCheckResponse call() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    double used = heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : 0;
    return HealthCheckResponse.named("b2bhub-heap")
        .status(used < HEAP_LIMIT)
        .withData("heapUsedPercent", Math.round(used * 100))
        .build();
  }
}
