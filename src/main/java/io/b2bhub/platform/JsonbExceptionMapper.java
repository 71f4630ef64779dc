package io.b2bhub.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B failures that escape the JAX-RS provider unwrapped. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException exception) {
    if (RequestBodyLimit.exceeded(exception)) {
      return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, RequestBodyLimit.DETAIL);
    }
    return ProblemResponses.of(
        ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON for this resource.");
  }
}
