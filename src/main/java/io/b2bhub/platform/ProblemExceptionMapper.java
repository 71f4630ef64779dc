package io.b2bhub.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the hub's own typed failures. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException exception) {
    Response problem =
        ProblemResponses.of(exception.code(), exception.getMessage(), exception.errors());
    if (exception.headers().isEmpty()) {
      return problem;
    }
    Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
    exception.headers().forEach(withHeaders::header);
    return withHeaders.build();
  }
}
