package io.b2bhub.platform;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in request handling to answer with a typed problem response. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<Problem.FieldError> errors;
  private final transient Map<String, String> headers;

  public ProblemException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public ProblemException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
    this(code, detail, errors, Map.of());
  }

  private ProblemException(
      ErrorCode code, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
    super(detail);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** The same problem, answered with {@code Retry-After} so the caller knows when to come back. */
  public static ProblemException retryAfter(ErrorCode code, String detail, long seconds) {
    return new ProblemException(
        code, detail, List.of(), Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
  }

  public Map<String, String> headers() {
    return headers;
  }

  public ErrorCode code() {
    return code;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
