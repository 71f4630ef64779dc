package io.b2bhub.platform;

/** What to do with a request that carries an Idempotency-Key. */
public sealed interface IdempotencyClaim {
  /** First time (or the earlier attempt died): process it. */
  record Acquired() implements IdempotencyClaim {}

  /** Already processed: answer exactly as then. */
  record Replay(IdempotencyRecord.StoredResponse response) implements IdempotencyClaim {}
}
