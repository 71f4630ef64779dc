package io.b2bhub.partners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps what the registry says about a client (or a webhook sender) for a few seconds, so a busy
 * partner's calls do not each query it. Any committed change to a partner or credential on this
 * server empties the cache at once ({@link PartnerAccessChanges}); other servers see it within the
 * time to live.
 */
@ApplicationScoped
public class PartnerAccessCache {
  private static final int MAX_CLIENTS = 10_000;

  @Inject
  @ConfigProperty(name = "b2bhub.access.cache-ttl", defaultValue = "PT5S")
  Duration ttl;

  private final Map<String, Entry> byClient = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** The cached facts for a key, or freshly loaded ones; a load is not cached if it is null. */
  @SuppressWarnings("unchecked")
  <T> T get(String clientId, Supplier<T> load) {
    long now = System.nanoTime();
    Entry entry = byClient.get(clientId);
    if (entry != null
        && entry.generation == generation.get()
        && now - entry.loadedAt < ttl.toNanos()) {
      return (T) entry.access;
    }
    // A change committed while we load bumps the generation, and the stale load is not kept.
    long loadingGeneration = generation.get();
    T access = load.get();
    if (access != null && !ttl.isZero()) {
      if (byClient.size() >= MAX_CLIENTS) {
        byClient.clear();
      }
      byClient.put(clientId, new Entry(access, loadingGeneration, now));
    }
    return access;
  }

  void invalidateAll() {
    generation.incrementAndGet();
    byClient.clear();
  }

  private record Entry(Object access, long generation, long loadedAt) {}
}
