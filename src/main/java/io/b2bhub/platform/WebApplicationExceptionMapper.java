package io.b2bhub.platform;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the JAX-RS runtime's own failures (unknown path, wrong method, wrong media type, unreadable
 * body) into problem responses, so no framework error page ever reaches a caller.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (RequestBodyLimit.exceeded(exception)) {
      return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, RequestBodyLimit.DETAIL);
    }
    if (exception instanceof NotFoundException) {
      return ProblemResponses.of(ErrorCode.NOT_FOUND, "No resource at this path.");
    }
    if (exception instanceof NotAllowedException notAllowed) {
      Response problem =
          ProblemResponses.of(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here.");
      return Response.fromResponse(problem)
          .allow(notAllowed.getResponse().getAllowedMethods())
          .build();
    }
    if (exception instanceof NotSupportedException) {
      return ProblemResponses.of(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }
    if (exception instanceof NotAcceptableException) {
      return ProblemResponses.of(
          ErrorCode.NOT_ACCEPTABLE, "This resource produces application/json.");
    }
    if (exception instanceof ForbiddenException) {
      return ProblemResponses.of(
          ErrorCode.ACCESS_DENIED, "The authenticated identity may not use this resource.");
    }
    if (exception.getResponse().getStatus() == 409) {
      return ProblemResponses.of(ErrorCode.CONFLICT, "The request conflicts with current state.");
    }
    if (exception instanceof NotAuthorizedException) {
      return ProblemResponses.of(ErrorCode.AUTHENTICATION_REQUIRED, "Authenticate first.");
    }
    if (exception instanceof BadRequestException || isUnreadableBody(exception)) {
      return ProblemResponses.of(
          ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON for this resource.");
    }
    int status = exception.getResponse().getStatus();
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Request failed", exception);
      return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "The request could not be processed.");
    }
    return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, "The request was not accepted.");
  }

  private static boolean isUnreadableBody(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof ProcessingException || t instanceof jakarta.json.bind.JsonbException) {
        return true;
      }
    }
    return false;
  }
}
