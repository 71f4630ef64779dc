package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Per-flow event metrics on /metrics: throughput, failures, retries, dead letters, duplicates,
 * successes after a retry (for the retry-to-success ratio) and the lag from an event's time to its
 * consumer's commit, as a histogram in milliseconds; and per queue the outbox backlog and the age
 * of its oldest unsent row as gauges.
 */
@ApplicationScoped
public class EventMetrics {
  @Inject MetricRegistry registry;
  @Inject Clock clock;
  @Inject OutboxStore outbox;

  /**
   * The outbox backlog per queue and the age of its oldest unsent row, read when /metrics is
   * scraped, not counted along the way.
   */
  void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (EventDestination destination : EventDestination.values()) {
      Tag queue = new Tag("destination", destination.queueName());
      registry.gauge("b2bhub_outbox_backlog", () -> outbox.backlog(destination), queue);
      registry.gauge(
          "b2bhub_outbox_oldest_unsent_seconds",
          () -> outbox.oldestUnsentAgeSeconds(destination),
          queue);
    }
  }

  void handled(String consumer, int attempt, Instant produced) {
    registry.counter("b2bhub_events_handled_total", flow(consumer)).inc();
    if (attempt > 1) {
      registry.counter("b2bhub_events_succeeded_after_retry_total", flow(consumer)).inc();
    }
    long lag = Duration.between(produced, clock.instant()).toMillis();
    registry.histogram("b2bhub_events_lag_ms", flow(consumer)).update(Math.max(0, lag));
  }

  void failed(String consumer) {
    registry.counter("b2bhub_events_failed_attempts_total", flow(consumer)).inc();
  }

  void retried(String consumer) {
    registry.counter("b2bhub_events_retries_scheduled_total", flow(consumer)).inc();
  }

  void deadLettered(String consumer) {
    registry.counter("b2bhub_events_dead_lettered_total", flow(consumer)).inc();
  }

  void duplicate(String consumer) {
    registry.counter("b2bhub_events_duplicates_total", flow(consumer)).inc();
  }

  private static Tag flow(String consumer) {
    return new Tag("flow", consumer);
  }
}
