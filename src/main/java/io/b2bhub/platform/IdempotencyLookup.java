package io.b2bhub.platform;

/** What a read without locks knows of an Idempotency-Key before a request claims it. */
public sealed interface IdempotencyLookup {
  /** No request has used the key: it can be claimed with a plain insert. */
  IdempotencyLookup UNKNOWN = new Unknown();

  /** A request with the same payload holds the key: judged under a lock. */
  IdempotencyLookup IN_PROGRESS = new InProgress();

  /** The key's request is done: its answer is replayed. */
  record Finished(IdempotencyClaim.Replay replay) implements IdempotencyLookup {}

  /** See {@link #UNKNOWN}. */
  record Unknown() implements IdempotencyLookup {}

  /** See {@link #IN_PROGRESS}. */
  record InProgress() implements IdempotencyLookup {}
}
