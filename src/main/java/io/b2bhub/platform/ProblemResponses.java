package io.b2bhub.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds problem responses for JAX-RS and for plain servlet paths in one consistent shape. */
public final class ProblemResponses {
  public static final String ERROR_CODE_ATTRIBUTE = "io.b2bhub.errorCode";
  private static final Jsonb JSONB = JsonbBuilder.create();

  private ProblemResponses() {}

  public static Response of(ErrorCode code, String detail) {
    return of(code, detail, List.of());
  }

  public static Response of(ErrorCode code, String detail, List<Problem.FieldError> errors) {
    Problem problem = Problem.of(code, detail, CorrelationContext.current(), errors);
    return Response.status(code.status())
        .type(Problem.MEDIA_TYPE)
        .header(CorrelationIds.HEADER, problem.correlationId())
        .header("X-Error-Code", code.name())
        .entity(problem)
        .build();
  }

  public static void write(HttpServletResponse response, ErrorCode code, String detail)
      throws IOException {
    Problem problem = Problem.of(code, detail, CorrelationContext.current());
    response.resetBuffer();
    response.setStatus(code.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(CorrelationIds.HEADER, problem.correlationId());
    response.setHeader("X-Error-Code", code.name());
    response.getOutputStream().write(JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8));
  }
}
