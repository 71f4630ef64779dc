package io.b2bhub.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Deletes idempotency records past {@code b2bhub.idempotency.retention}, twice an hour. */
@Singleton
public class IdempotencyPurge {
  private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());
  private static final int SLICE = 1000;

  @Inject IdempotencyStore store;

  @Schedule(minute = "7,37", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void purge() {
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("idempotency-purge")) {
      int total = 0;
      int removed;
      do {
        removed = store.purgeExpired(SLICE);
        total += removed;
      } while (removed == SLICE);
      int purged = total;
      if (purged > 0) {
        LOG.info(() -> "Purged " + purged + " expired idempotency record(s)");
      }
    }
  }
}
