package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import java.util.List;

/**
 * Checks an Idempotency-Key against the contract: the operation's shape first (400 when it is not
 * one), then that it names this very request (422 when it names another order, version or status).
 */
final class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";

  private IdempotencyKeys() {}

  static void check(SyncOperation operation, String key, String... expectedParts) {
    if (key == null || key.isBlank() || key.length() > 300) {
      throw malformed(operation);
    }
    String[] parts = key.split(":", -1);
    if (parts.length != expectedParts.length + 1 || !parts[0].equals(operation.keyPrefix())) {
      throw malformed(operation);
    }
    for (int i = 0; i < expectedParts.length; i++) {
      if (!parts[i + 1].equals(expectedParts[i])) {
        throw new ProblemException(
            ErrorCode.IDEMPOTENCY_KEY_MISMATCH,
            "The Idempotency-Key names "
                + parts[i + 1]
                + " where the request has "
                + expectedParts[i]
                + "; the key must be "
                + operation.keyShape()
                + " of this request.");
      }
    }
  }

  /** The start shared by every version's key of one order's create. */
  static String orderPrefix(String tenantId, String orderId) {
    return SyncOperation.ORDER_CREATE.keyPrefix() + ":" + tenantId + ":" + orderId + ":";
  }

  private static ProblemException malformed(SyncOperation operation) {
    return new ProblemException(
        ErrorCode.VALIDATION_FAILED,
        "The Idempotency-Key header is required and must be " + operation.keyShape() + ".",
        List.of(new Problem.FieldError(HEADER, "must be " + operation.keyShape())));
  }
}
