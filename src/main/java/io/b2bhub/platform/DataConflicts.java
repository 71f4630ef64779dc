package io.b2bhub.platform;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises, in any exception chain, the database's verdict that two requests raced: a unique
 * constraint hit (SQLState 23505) or an optimistic lock failure. Both are the caller's conflict
 * (409), not a server error.
 */
public final class DataConflicts {
  private static final String UNIQUE_VIOLATION = "23505";

  private DataConflicts() {}

  public static Optional<Problem> asProblem(Throwable failure, String correlationId) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return Optional.of(
            Problem.of(
                ErrorCode.CONFLICT,
                "The resource changed concurrently; read it again and retry.",
                correlationId));
      }
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        ErrorCode code =
            message.contains("partner_partner_id_uq")
                ? ErrorCode.PARTNER_ALREADY_EXISTS
                : ErrorCode.CONFLICT;
        return Optional.of(
            Problem.of(code, "A concurrent request created the same thing first.", correlationId));
      }
    }
    return Optional.empty();
  }
}
