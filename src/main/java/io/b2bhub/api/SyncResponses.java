package io.b2bhub.api;

import java.time.Instant;

/** The sync API's response bodies. */
public final class SyncResponses {
  private SyncResponses() {}

  /** What happened to a request. STALE_IGNORED: an older version than one already applied. */
  public enum Outcome {
    CREATED,
    UPDATED,
    ALREADY_EXISTS,
    APPLIED,
    STALE_IGNORED
  }

  /** A customer upsert's result. */
  public record CustomerSynced(
      String tenantId, String customerId, long version, String erpCustomerId, Outcome outcome) {}

  /** An order create's result. */
  public record OrderSynced(
      String tenantId, String orderId, long version, String erpOrderId, Outcome outcome) {}

  /** An order status change's result. */
  public record OrderStatusSynced(
      String tenantId, String orderId, String status, long version, Outcome outcome) {}

  /** Accepted while the ERP is unavailable: follow {@code statusUrl}. */
  public record Queued(String requestId, String state, String statusUrl) {}

  /** A queued request as operators list it. */
  public record QueuedForOperators(
      String requestId,
      String partnerId,
      String operation,
      String idempotencyKey,
      String state,
      int attempts,
      String lastError,
      String correlationId,
      Instant createdAt) {}

  /** GET of a queued request. */
  public record RequestStatus(
      String requestId,
      String operation,
      String state,
      String erpId,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant updatedAt) {}
}
