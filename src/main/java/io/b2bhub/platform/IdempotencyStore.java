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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transactional steps of idempotent processing; {@link IdempotencyGate} orchestrates them. */
@ApplicationScoped
public class IdempotencyStore {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject CommitDurability durability;

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
    String claimId = UUID.randomUUID().toString();
    if (existing == null) {
      em.persist(
          new IdempotencyRecord(key, operation, requestHash, claimId, now, now.plus(retention)));
      return new IdempotencyClaim.Acquired(key, claimId);
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
      existing.restart(claimId, now);
      return new IdempotencyClaim.Acquired(key, claimId);
    }
    throw ProblemException.retryAfter(
        ErrorCode.IDEMPOTENCY_IN_PROGRESS,
        "The first request with this Idempotency-Key is still being processed; retry later.",
        Duration.between(now, leaseEnds).toSeconds());
  }

  /**
   * What is already known of the key, read without locking: replays, the common case for retried
   * calls, need neither a lock nor a write.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public IdempotencyLookup lookup(IdempotencyRecord.Key key, String operation, String requestHash) {
    IdempotencyRecord existing = em.find(IdempotencyRecord.class, key);
    if (existing == null) {
      return IdempotencyLookup.UNKNOWN;
    }
    if (!existing.sameRequest(operation, requestHash)) {
      throw new ProblemException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used for a different request; use a new key.");
    }
    return existing.isCompleted()
        ? new IdempotencyLookup.Finished(new IdempotencyClaim.Replay(existing.response()))
        : IdempotencyLookup.IN_PROGRESS;
  }

  /**
   * Claims a key nobody has used, with one INSERT. When another request inserted it first, the
   * primary key refuses this one and the caller judges the key with {@link #tryClaim}. The claim
   * does not wait for the disk: losing it in a database crash is the same as the request never
   * having arrived (no answer was given yet), and the answer's durable commit makes it durable.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public IdempotencyClaim.Acquired claimUnused(
      IdempotencyRecord.Key key, String operation, String requestHash) {
    durability.relaxForCurrentTransaction();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String claimId = UUID.randomUUID().toString();
    em.createNativeQuery(
            "INSERT INTO idempotency_record (partner_id, idempotency_key, operation, request_hash,"
                + " state, claim_id, created_at, expires_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?,"
                + " ?, ?)")
        .setParameter(1, key.partnerId())
        .setParameter(2, key.idempotencyKey())
        .setParameter(3, operation)
        .setParameter(4, requestHash)
        .setParameter(5, claimId)
        .setParameter(6, now)
        .setParameter(7, now.plus(retention))
        .executeUpdate();
    return new IdempotencyClaim.Acquired(key, claimId);
  }

  /**
   * Stores the answer, in the caller's transaction so it commits with the work it describes. When
   * another attempt took the key over after this one's lease ran out, this attempt's work must not
   * commit: it fails with 409 and the caller's retry gets the other attempt's answer.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(IdempotencyClaim.Acquired claim, int status, String body) {
    int completed =
        em.createNativeQuery(
                "UPDATE idempotency_record SET state = 'COMPLETED', response_status = ?,"
                    + " response_body = ?, completed_at = ? WHERE partner_id = ? AND"
                    + " idempotency_key = ? AND claim_id = ? AND state = 'IN_PROGRESS'")
            .setParameter(1, status)
            .setParameter(2, body)
            .setParameter(3, OffsetDateTime.now(clock))
            .setParameter(4, claim.key().partnerId())
            .setParameter(5, claim.key().idempotencyKey())
            .setParameter(6, claim.claimId())
            .executeUpdate();
    if (completed == 0) {
      throw ProblemException.retryAfter(
          ErrorCode.IDEMPOTENCY_IN_PROGRESS,
          "Another attempt with this Idempotency-Key took over; retry to get its answer.",
          1);
    }
  }

  /**
   * Gives the key back after a failure on our side, so the caller's retry is processed anew; a key
   * another attempt has taken over since is left alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(IdempotencyClaim.Acquired claim) {
    em.createQuery(
            "DELETE FROM IdempotencyRecord r WHERE r.key = :key AND r.claimId = :claimId"
                + " AND r.state = 'IN_PROGRESS'")
        .setParameter("key", claim.key())
        .setParameter("claimId", claim.claimId())
        .executeUpdate();
  }

  /**
   * Deletes up to {@code limit} records past their retention in one statement; returns how many.
   * Each slice is its own short transaction so a large backlog never holds locks for long.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeExpired(int limit) {
    return em.createNativeQuery(
            "DELETE FROM idempotency_record WHERE (partner_id, idempotency_key) IN"
                + " (SELECT partner_id, idempotency_key FROM idempotency_record"
                + " WHERE expires_at < ? ORDER BY expires_at LIMIT ?)")
        .setParameter(1, OffsetDateTime.now(clock))
        .setParameter(2, limit)
        .executeUpdate();
  }
}
