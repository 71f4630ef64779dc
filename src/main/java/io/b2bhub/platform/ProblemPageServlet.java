package io.b2bhub.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (web.xml maps every status to it): errors raised outside JAX-RS, such
 * as an unknown path, a missing or invalid token, or a failed servlet, still answer with
 * problem+json and never with an HTML page or a stack trace.
 */
@WebServlet(name = "problemPage", urlPatterns = "/problem-page")
public class ProblemPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object statusAttribute = request.getAttribute("jakarta.servlet.error.status_code");
    int status = statusAttribute instanceof Integer code ? code : 404;
    ErrorCode code = codeFor(status);
    String challenge = response.getHeader("WWW-Authenticate");
    ProblemResponses.write(response, code, detailFor(code));
    if (challenge != null) {
      response.setHeader("WWW-Authenticate", challenge);
    }
    request.setAttribute(ProblemResponses.ERROR_CODE_ATTRIBUTE, code);
  }

  static ErrorCode codeFor(int status) {
    return switch (status) {
      case 400 -> ErrorCode.MALFORMED_REQUEST;
      case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
      case 403 -> ErrorCode.ACCESS_DENIED;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
      default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
    };
  }

  private static String detailFor(ErrorCode code) {
    return switch (code) {
      case AUTHENTICATION_REQUIRED ->
          "A valid credential is required: a bearer token for the partner API, "
              + "operator credentials for the admin API.";
      case ACCESS_DENIED -> "The authenticated identity may not use this resource.";
      case NOT_FOUND -> "No resource at this path.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
      default -> code.title() + ".";
    };
  }
}
