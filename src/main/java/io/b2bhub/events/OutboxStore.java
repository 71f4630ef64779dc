package io.b2bhub.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The relay's short transactions: partition leases, reading unsent rows, marking rows sent. */
@ApplicationScoped
public class OutboxStore {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Takes or renews the lease on every partition that is free, expired, or already ours, and
   * returns the partitions this relay now owns. Leases run on the database's clock.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Integer> lease(String owner, int leaseSeconds) {
    List<Integer> owned = new ArrayList<>();
    for (int partition = 0; partition < Outbox.PARTITIONS; partition++) {
      int taken =
          em.createNativeQuery(
                  "UPDATE outbox_partition SET owner = ?, lease_until = CURRENT_TIMESTAMP"
                      + " + INTERVAL '"
                      + leaseSeconds
                      + "' SECOND WHERE partition_no = ? AND (owner IS NULL OR owner = ?"
                      + " OR lease_until < CURRENT_TIMESTAMP)")
              .setParameter(1, owner)
              .setParameter(2, partition)
              .setParameter(3, owner)
              .executeUpdate();
      if (taken == 1) {
        owned.add(partition);
      }
    }
    return owned;
  }

  /** Gives the leases back (server stopping), so another relay takes over at once. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String owner) {
    em.createNativeQuery(
            "UPDATE outbox_partition SET owner = NULL, lease_until = NULL WHERE owner = ?")
        .setParameter(1, owner)
        .executeUpdate();
  }

  /** The oldest unsent rows of these partitions for one queue, in id order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OutboxEvent> unsent(
      List<Integer> partitions, EventDestination destination, int limit) {
    return em.createNamedQuery("OutboxEvent.unsentInPartitions", OutboxEvent.class)
        .setParameter("destination", destination.queueName())
        .setParameter("partitions", partitions)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void markSent(List<Long> ids) {
    em.createNamedQuery("OutboxEvent.markSent")
        .setParameter("now", OffsetDateTime.now(clock))
        .setParameter("ids", ids)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OutboxEvent.OutboxView> recent(boolean unsentOnly, int limit) {
    return em.createNamedQuery(
            unsentOnly ? "OutboxEvent.recentUnsent" : "OutboxEvent.recent", OutboxEvent.class)
        .setMaxResults(limit)
        .getResultStream()
        .map(OutboxEvent::view)
        .toList();
  }

  /** How many rows wait for the relay to one queue: the outbox backlog on /metrics. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long backlog(EventDestination destination) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM outbox_event WHERE destination = ? AND sent_at IS NULL")
                .setParameter(1, destination.queueName())
                .getSingleResult())
        .longValue();
  }

  /** How long the oldest row waiting for one queue has waited, in seconds (0 when none waits). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public double oldestUnsentAgeSeconds(EventDestination destination) {
    List<OffsetDateTime> oldest =
        em.createNamedQuery("OutboxEvent.oldestUnsentCreatedAt", OffsetDateTime.class)
            .setParameter("destination", destination.queueName())
            .setMaxResults(1)
            .getResultList();
    if (oldest.isEmpty()) {
      return 0;
    }
    long waitedMillis = Duration.between(oldest.get(0).toInstant(), clock.instant()).toMillis();
    return Math.max(0, waitedMillis / 1000.0);
  }
}
