package io.b2bhub.partners;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-partner token buckets (Bucket4j). Limits come from the partner's registry entry or {@code
 * b2bhub.rate-limit.default}; a changed limit takes effect with a fresh bucket. Buckets are per
 * server: behind a load balancer each server grants its share.
 */
@ApplicationScoped
public class PartnerRateLimiter {
  private final Map<String, LimitedBucket> buckets = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "b2bhub.rate-limit.default", defaultValue = "100/1s")
  String defaultLimit;

  public Verdict consume(String partnerId, String partnerLimit) {
    String spec = partnerLimit == null ? defaultLimit : partnerLimit;
    LimitedBucket limited =
        buckets.compute(
            partnerId,
            (id, existing) ->
                existing != null && existing.spec().equals(spec)
                    ? existing
                    : LimitedBucket.of(spec));
    ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
    return new Verdict(
        probe.isConsumed(),
        limited.limit().capacity(),
        probe.getRemainingTokens(),
        seconds(probe.getNanosToWaitForReset()),
        seconds(probe.getNanosToWaitForRefill()));
  }

  private static long seconds(long nanos) {
    return Math.max(0, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
  }

  /** Whether the request may proceed, and the numbers for the RateLimit-* headers. */
  public record Verdict(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

  private record LimitedBucket(String spec, RateLimit limit, Bucket bucket) {
    static LimitedBucket of(String spec) {
      RateLimit limit = RateLimit.parse(spec);
      Bucket bucket =
          Bucket.builder()
              .addLimit(
                  b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()))
              .build();
      return new LimitedBucket(spec, limit, bucket);
    }
  }
}
