package io.b2bhub.events;

import io.b2bhub.platform.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retry policies of the event consumers, one line per flow in the seed's format ({@code
 * flow,max_attempts,backoff_ms_cap,jitter}); the flow is the consumer's name.
 */
@ApplicationScoped
public class EventConsumerPolicies {
  @Inject
  @ConfigProperty(
      name = "b2bhub.retry.event-flows",
      defaultValue =
          "erp.order.sync,8,60000,full;erp.customer.sync,8,60000,full;"
              + "erp.order-status.sync,12,60000,full;webshop.push.payment,8,300000,full;"
              + "webshop.push.invoice,8,300000,full;webshop.push.price,8,300000,full")
  String policies;

  @Inject
  @ConfigProperty(name = "b2bhub.retry.event-base-delay-ms", defaultValue = "1000")
  long baseDelayMs;

  private Map<String, RetryPolicy> byFlow;
  private RetryPolicy fallback;

  @PostConstruct
  void parse() {
    Duration base = Duration.ofMillis(baseDelayMs);
    byFlow =
        Arrays.stream(policies.split(";"))
            .map(String::trim)
            .filter(line -> !line.isEmpty())
            .map(line -> RetryPolicy.parse(line, base))
            .collect(Collectors.toMap(RetryPolicy::flow, Function.identity()));
    fallback = new RetryPolicy("default", 6, Duration.ofMinutes(1), base, true);
  }

  RetryPolicy forConsumer(String consumer) {
    return byFlow.getOrDefault(consumer, fallback);
  }
}
