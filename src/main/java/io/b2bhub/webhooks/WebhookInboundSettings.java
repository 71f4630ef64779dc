package io.b2bhub.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Per-partner receiving settings: how far a signature's timestamp may be from the hub's clock. */
@ApplicationScoped
public class WebhookInboundSettings {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.inbound.window", defaultValue = "PT10M")
  Duration defaultWindow;

  private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  /** Windows read in the last few seconds; a change on this server applies at once. */
  private final java.util.Map<String, Cached> cached =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(Duration window, long loadedAt) {}

  /** Reads outside any transaction: the cache hit, the common case, needs no interceptor. */
  public Duration window(String partnerId) {
    Cached hit = cached.get(partnerId);
    long now = System.nanoTime();
    if (hit != null && now - hit.loadedAt() < CACHE_NANOS) {
      return hit.window();
    }
    Duration window = load(partnerId);
    if (cached.size() > 10_000) {
      cached.clear();
    }
    cached.put(partnerId, new Cached(window, now));
    return window;
  }

  private Duration load(String partnerId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT window_seconds FROM webhook_inbound_setting WHERE partner_id = ?")
            .setParameter(1, partnerId)
            .getResultList();
    return rows.isEmpty() ? defaultWindow : Duration.ofSeconds(((Number) rows.get(0)).longValue());
  }

  @Transactional
  public void setWindow(String partnerId, Duration window) {
    cached.remove(partnerId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated =
        em.createNativeQuery(
                "UPDATE webhook_inbound_setting SET window_seconds = ?, updated_at = ?"
                    + " WHERE partner_id = ?")
            .setParameter(1, (int) window.toSeconds())
            .setParameter(2, now)
            .setParameter(3, partnerId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO webhook_inbound_setting (partner_id, window_seconds, updated_at)"
                  + " VALUES (?, ?, ?)")
          .setParameter(1, partnerId)
          .setParameter(2, (int) window.toSeconds())
          .setParameter(3, now)
          .executeUpdate();
    }
  }
}
