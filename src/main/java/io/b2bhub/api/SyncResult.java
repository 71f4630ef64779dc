package io.b2bhub.api;

/**
 * A finished sync request as it is answered: status and JSON body; {@code replayed} when it is the
 * stored answer of an earlier identical request.
 */
record SyncResult(int status, String body, boolean replayed) {
  SyncResult(int status, String body) {
    this(status, body, false);
  }
}
