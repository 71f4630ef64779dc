package io.b2bhub.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become field-level errors with JSON Pointers into the body. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(pointer(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::pointer))
            .toList();
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED, errors.size() + " field(s) failed validation.", errors);
  }

  /**
   * "create.arg0.contact" (method, parameter, bean path) becomes "/contact"; a violated query or
   * path parameter is named as itself ("limit").
   */
  public static String pointer(ConstraintViolation<?> violation) {
    StringBuilder pointer = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.getIndex() != null) {
        pointer.append('/').append(node.getIndex());
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        pointer.append('/').append(node.getName());
      }
    }
    if (pointer.isEmpty()) {
      return parameter != null ? parameter : "/";
    }
    return pointer.toString();
  }
}
