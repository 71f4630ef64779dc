package io.b2bhub.webshop;

/** What the webshop made of one push: applied, older than what it has, or a repeat of one. */
public record WebshopReceipt(String idempotencyKey, Outcome outcome, int replays) {
  /** The outcomes a push can have. */
  public enum Outcome {
    APPLIED,
    STALE,
    REPLAYED
  }
}
