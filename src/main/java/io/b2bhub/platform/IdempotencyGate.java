package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Entry point of idempotent processing. A replay is answered from one unlocked read and a new key
 * is claimed with one insert; only a key in progress, or two first requests racing to insert it,
 * take the locking path, where the loser of the race is judged like any later request.
 */
@ApplicationScoped
public class IdempotencyGate {
  @Inject IdempotencyStore store;

  public IdempotencyClaim claim(IdempotencyRecord.Key key, String operation, String requestHash) {
    IdempotencyLookup known = store.lookup(key, operation, requestHash);
    if (known instanceof IdempotencyLookup.Finished finished) {
      return finished.replay();
    }
    if (known instanceof IdempotencyLookup.Unknown) {
      try {
        return store.claimUnused(key, operation, requestHash);
      } catch (RuntimeException e) {
        requireRace(e);
      }
    }
    try {
      return store.tryClaim(key, operation, requestHash);
    } catch (RuntimeException e) {
      requireRace(e);
      return store.tryClaim(key, operation, requestHash);
    }
  }

  /** Rethrows anything but the primary key refusing a second first request. */
  private static void requireRace(RuntimeException e) {
    if (DataConflicts.asProblem(e, null).isEmpty()) {
      throw e;
    }
  }
}
