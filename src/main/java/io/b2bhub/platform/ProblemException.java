package io.b2bhub.platform;

import java.util.List;

/** Thrown anywhere in request handling to answer with a typed problem response. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<Problem.FieldError> errors;

  public ProblemException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public ProblemException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ErrorCode code() {
    return code;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
