package io.b2bhub.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: races the database settled become 409; anything else is logged with its
 * correlation id and answered without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    var conflict = DataConflicts.asProblem(exception, CorrelationContext.current());
    if (conflict.isPresent()) {
      return ProblemResponses.of(ErrorCode.valueOf(conflict.get().code()), conflict.get().detail());
    }
    LOG.log(Level.SEVERE, "Unexpected failure while handling a request", exception);
    return ProblemResponses.of(
        ErrorCode.INTERNAL_ERROR,
        "The request could not be processed. Quote the correlation id when reporting it.");
  }
}
