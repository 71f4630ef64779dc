package io.b2bhub.platform;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body the JSON binding could not read: malformed JSON, wrong types, or over the size limit. */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException exception) {
    if (RequestBodyLimit.exceeded(exception)) {
      return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, RequestBodyLimit.DETAIL);
    }
    return ProblemResponses.of(
        ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON for this resource.");
  }
}
