package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transactional steps of idempotent processing; {@link IdempotencyGate} orchestrates them. */
@ApplicationScoped
public class IdempotencyStore {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.idempotency.retention", defaultValue = "P30D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "b2bhub.idempotency.lease", defaultValue = "PT60S")
  Duration lease;

  /**
   * Claims a key for this request, or tells what to answer instead: the stored response of an
   * identical earlier request, 422 for a different request, 409 while the first is still running.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public IdempotencyClaim tryClaim(
      IdempotencyRecord.Key key, String operation, String requestHash) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    IdempotencyRecord existing =
        em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (existing == null) {
      em.persist(new IdempotencyRecord(key, operation, requestHash, now, now.plus(retention)));
      return new IdempotencyClaim.Acquired();
    }
    if (!existing.sameRequest(operation, requestHash)) {
      throw new ProblemException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used for a different request; use a new key.");
    }
    if (existing.isCompleted()) {
      return new IdempotencyClaim.Replay(existing.response());
    }
    OffsetDateTime leaseEnds = existing.createdAt().plus(lease);
    if (leaseEnds.isBefore(now)) {
      existing.restart(now);
      return new IdempotencyClaim.Acquired();
    }
    throw ProblemException.retryAfter(
        ErrorCode.IDEMPOTENCY_IN_PROGRESS,
        "The first request with this Idempotency-Key is still being processed; retry later.",
        Duration.between(now, leaseEnds).toSeconds());
  }

  /**
   * The stored answer for an identical earlier request, read without locking: replays, the common
   * case for retried calls, need neither a lock nor a write.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public IdempotencyClaim.Replay finishedAnswer(
      IdempotencyRecord.Key key, String operation, String requestHash) {
    IdempotencyRecord existing = em.find(IdempotencyRecord.class, key);
    if (existing == null || !existing.isCompleted()) {
      return null;
    }
    if (!existing.sameRequest(operation, requestHash)) {
      throw new ProblemException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used for a different request; use a new key.");
    }
    return new IdempotencyClaim.Replay(existing.response());
  }

  /** Stores the answer, in the caller's transaction so it commits with the work it describes. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(IdempotencyRecord.Key key, int status, String body) {
    em.find(IdempotencyRecord.class, key).complete(status, body, OffsetDateTime.now(clock));
  }

  /** Gives the key back after a failure on our side, so the caller's retry is processed anew. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(IdempotencyRecord.Key key) {
    IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
    if (record != null && !record.isCompleted()) {
      em.remove(record);
    }
  }

  /** Deletes up to {@code limit} records past their retention; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeExpired(int limit) {
    List<IdempotencyRecord> expired =
        em.createQuery(
                "SELECT r FROM IdempotencyRecord r WHERE r.expiresAt < :now",
                IdempotencyRecord.class)
            .setParameter("now", OffsetDateTime.now(clock))
            .setMaxResults(limit)
            .getResultList();
    expired.forEach(em::remove);
    return expired.size();
  }
}
