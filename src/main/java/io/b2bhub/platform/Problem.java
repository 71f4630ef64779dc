package io.b2bhub.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document with the hub's extensions: a stable {@code code}, the request's
 * {@code correlationId} and, for validation failures, field-level {@code errors}.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "correlationId", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String correlationId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: a JSON Pointer into the request body (or the parameter name) and why. */
  public record FieldError(String pointer, String reason) {}

  public static Problem of(ErrorCode code, String detail, String correlationId) {
    return of(code, detail, correlationId, null);
  }

  public static Problem of(
      ErrorCode code, String detail, String correlationId, List<FieldError> errors) {
    return new Problem(
        code.type(),
        code.title(),
        code.status(),
        detail,
        code.name(),
        correlationId,
        errors == null || errors.isEmpty() ? null : List.copyOf(errors));
  }
}
