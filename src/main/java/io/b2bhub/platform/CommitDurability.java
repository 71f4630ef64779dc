package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Lets a transaction whose loss in a database crash is harmless commit without waiting for its
 * write-ahead log to reach the disk (PostgreSQL's per-transaction {@code synchronous_commit}).
 * Other transactions see the commit at once; only a crash of the database server within a fraction
 * of a second can undo it, and the next durable commit makes it durable too (the log is flushed in
 * order). A crash of the hub itself loses nothing. On this machine's disk each commit that waits
 * for its flush also waits for every stall of the disk, which was what held the sync API back.
 */
@ApplicationScoped
public class CommitDurability {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject DatabaseProduct database;

  @Transactional(Transactional.TxType.MANDATORY)
  public void relaxForCurrentTransaction() {
    if (database.isPostgres()) {
      em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
    }
  }
}
