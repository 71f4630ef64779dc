package io.b2bhub.platform;

import java.time.OffsetDateTime;

/** What the audit log records about one contract call. */
public record AuditRecord(
    OffsetDateTime occurredAt,
    Direction direction,
    String partnerId,
    String actor,
    String operation,
    Outcome outcome,
    Integer httpStatus,
    String errorCode,
    String correlationId,
    Long durationMs) {

  /** Who started the call: a partner or the webshop (inbound), the hub (outbound), an operator. */
  public enum Direction {
    INBOUND,
    OUTBOUND,
    ADMIN
  }

  /** Succeeded (2xx/3xx), rejected as the caller's fault (4xx), or failed on our side (5xx). */
  public enum Outcome {
    SUCCEEDED,
    REJECTED,
    FAILED;

    public static Outcome ofStatus(int status) {
      if (status >= 500) {
        return FAILED;
      }
      return status >= 400 ? REJECTED : SUCCEEDED;
    }
  }
}
