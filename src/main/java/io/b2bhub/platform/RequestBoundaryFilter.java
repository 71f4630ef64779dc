package io.b2bhub.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every HTTP request enters the hub: binds the correlation id (echoed on the response and in
 * every log line), caps the body size, and writes the audit row once the response is known.
 *
 * <p>Requests the security layer rejects never reach the REQUEST dispatch; they arrive here as the
 * ERROR dispatch of the problem page, and are audited then.
 */
@WebFilter(
    filterName = "requestBoundary",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestBoundaryFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RequestBoundaryFilter.class.getName());
  private static final String AUDITED = "io.b2bhub.audited";
  private static final String STARTED = "io.b2bhub.startedNanos";

  /** Set by the API layer once it knows which partner is calling. */
  public static final String PARTNER_ATTRIBUTE = "io.b2bhub.partnerId";

  /** Set by the API layer to the matched route template, e.g. "GET /v1/partners/{partnerId}". */
  public static final String OPERATION_ATTRIBUTE = "io.b2bhub.operation";

  @Inject AuditLog auditLog;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.http.max-request-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String correlationId = (String) request.getAttribute(CorrelationIds.REQUEST_ATTRIBUTE);
    if (correlationId == null) {
      correlationId = CorrelationIds.acceptOrGenerate(request.getHeader(CorrelationIds.HEADER));
      request.setAttribute(CorrelationIds.REQUEST_ATTRIBUTE, correlationId);
    }
    response.setHeader(CorrelationIds.HEADER, correlationId);
    long started = System.nanoTime();
    if (request.getAttribute(STARTED) == null) {
      request.setAttribute(STARTED, started);
    }
    AuditRowsBeforeAnswer.Scope auditRows = AuditRowsBeforeAnswer.open();
    try (CorrelationContext.Scope ignored = CorrelationContext.bind(correlationId)) {
      if (request.getContentLengthLong() > maxBodyBytes) {
        ProblemResponses.write(response, ErrorCode.PAYLOAD_TOO_LARGE, RequestBodyLimit.DETAIL);
        request.setAttribute(ProblemResponses.ERROR_CODE_ATTRIBUTE, ErrorCode.PAYLOAD_TOO_LARGE);
      } else {
        chain.doFilter(RequestBodyLimit.wrap(request, maxBodyBytes), response);
      }
    } finally {
      try (auditRows) {
        auditRows.awaitAll(e -> LOG.log(Level.SEVERE, "Audit record could not be written", e));
      }
      audit(request, response, correlationId, (System.nanoTime() - started) / 1_000_000);
    }
  }

  private void audit(
      HttpServletRequest request,
      HttpServletResponse response,
      String correlationId,
      long durationMs) {
    if (request.getAttribute(AUDITED) != null || !isContractCall(request)) {
      return;
    }
    request.setAttribute(AUDITED, Boolean.TRUE);
    int status = response.getStatus();
    Object errorCode = request.getAttribute(ProblemResponses.ERROR_CODE_ATTRIBUTE);
    if (errorCode == null) {
      errorCode = response.getHeader("X-Error-Code");
    }
    try {
      auditLog.record(
          record(
              request,
              status,
              errorCode == null ? null : errorCode.toString(),
              correlationId,
              durationMs,
              clock));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Audit record could not be written", e);
    }
  }

  /**
   * The audit row this request would get if it ended now with {@code status}: for work that writes
   * it in its own transaction and then calls {@link #markAudited}.
   */
  public static AuditRecord auditOf(HttpServletRequest request, int status, Clock clock) {
    Object started = request.getAttribute(STARTED);
    long durationMs = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : 0;
    return record(
        request,
        status,
        null,
        (String) request.getAttribute(CorrelationIds.REQUEST_ATTRIBUTE),
        durationMs,
        clock);
  }

  /** The request's audit row has been written with its work; this filter writes none. */
  public static void markAudited(HttpServletRequest request) {
    request.setAttribute(AUDITED, Boolean.TRUE);
  }

  private static AuditRecord record(
      HttpServletRequest request,
      int status,
      String errorCode,
      String correlationId,
      long durationMs,
      Clock clock) {
    return new AuditRecord(
        OffsetDateTime.now(clock),
        isAdminCall(request) ? AuditRecord.Direction.ADMIN : AuditRecord.Direction.INBOUND,
        (String) request.getAttribute(PARTNER_ATTRIBUTE),
        actor(request),
        operation(request),
        AuditRecord.Outcome.ofStatus(status),
        status,
        errorCode,
        correlationId,
        durationMs);
  }

  private static boolean isContractCall(HttpServletRequest request) {
    return originalUri(request).startsWith("/api/");
  }

  private static boolean isAdminCall(HttpServletRequest request) {
    return originalUri(request).startsWith("/api/v1/admin/");
  }

  private static String operation(HttpServletRequest request) {
    Object template = request.getAttribute(OPERATION_ATTRIBUTE);
    if (template != null) {
      return template.toString();
    }
    String path = originalUri(request);
    return request.getMethod() + " " + (path.length() > 150 ? path.substring(0, 150) : path);
  }

  private static String actor(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  /** The path the caller asked for, also during the ERROR dispatch. */
  private static String originalUri(HttpServletRequest request) {
    Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
    String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
    String contextPath = request.getContextPath();
    return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
  }
}
