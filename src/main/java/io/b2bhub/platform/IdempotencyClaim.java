package io.b2bhub.platform;

/** What to do with a request that carries an Idempotency-Key. */
public sealed interface IdempotencyClaim {
  /**
   * First time (or the earlier attempt's lease ran out): process it. Only this claim may store the
   * answer or give the key back.
   */
  record Acquired(IdempotencyRecord.Key key, String claimId) implements IdempotencyClaim {}

  /** Already processed: answer exactly as then. */
  record Replay(IdempotencyRecord.StoredResponse response) implements IdempotencyClaim {}
}
