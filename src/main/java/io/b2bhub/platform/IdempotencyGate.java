package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Entry point of idempotent processing. Two first requests with one key may race to insert the
 * record; the loser's insert fails on the primary key and it is then judged like any later request.
 */
@ApplicationScoped
public class IdempotencyGate {
  @Inject IdempotencyStore store;

  public IdempotencyClaim claim(IdempotencyRecord.Key key, String operation, String requestHash) {
    IdempotencyClaim.Replay finished = store.finishedAnswer(key, operation, requestHash);
    if (finished != null) {
      return finished;
    }
    try {
      return store.tryClaim(key, operation, requestHash);
    } catch (RuntimeException e) {
      if (DataConflicts.asProblem(e, null).isEmpty()) {
        throw e;
      }
      return store.tryClaim(key, operation, requestHash);
    }
  }
}
