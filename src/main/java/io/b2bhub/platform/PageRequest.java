package io.b2bhub.platform;

/** Up to {@code limit} rows after {@code after} (null: from the start). */
public record PageRequest(KeysetPosition after, int limit) {
  public static final int MAX_LIMIT = 500;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER, "limit must be between 1 and " + MAX_LIMIT + ".");
    }
  }
}
