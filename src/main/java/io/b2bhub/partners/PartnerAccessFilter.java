package io.b2bhub.partners;

import io.b2bhub.platform.AuthenticatedBySignature;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemResponses;
import io.b2bhub.platform.RequestBoundaryFilter;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link RequiresScope} on partner-facing resources once mpJwt has validated the token
 * (signature, issuer, audience, expiry), then the partner's rate limit. Identifies the calling
 * partner for the rest of the request.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PartnerAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String RATE_LIMIT_PROPERTY = "io.b2bhub.rateLimit";

  @Context ResourceInfo resourceInfo;
  @Context HttpServletRequest servletRequest;

  @Inject PartnerAccessPolicy policy;
  @Inject CallingPartner callingPartner;
  @Inject PartnerRateLimiter rateLimiter;

  @Override
  public void filter(ContainerRequestContext request) {
    RequiresScope required = requiredScope();
    if (required == null) {
      // Operator resources are guarded by the container (@RolesAllowed); anything else that
      // forgot to name its scope is closed rather than open to every valid token.
      if (!isOperatorResource()
          && !resourceInfo
              .getResourceMethod()
              .isAnnotationPresent(AuthenticatedBySignature.class)) {
        request.abortWith(
            ProblemResponses.of(
                ErrorCode.ACCESS_DENIED, "This operation is not open to partners."));
      }
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken token)) {
      request.abortWith(
          challenge(
              ErrorCode.AUTHENTICATION_REQUIRED,
              "A bearer token is required.",
              "Bearer realm=\"b2bhub\""));
      return;
    }
    AccessDecision decision =
        policy.decide(
            token.getSubject(),
            scopes(token),
            servletRequest.getRemoteAddr(),
            List.of(required.value()));
    if (decision instanceof AccessDecision.Granted granted) {
      callingPartner.set(granted.partnerId());
      servletRequest.setAttribute(RequestBoundaryFilter.PARTNER_ATTRIBUTE, granted.partnerId());
      PartnerRateLimiter.Verdict verdict =
          rateLimiter.consume(granted.partnerId(), granted.rateLimit());
      request.setProperty(RATE_LIMIT_PROPERTY, verdict);
      if (!verdict.allowed()) {
        Response.ResponseBuilder tooMany =
            Response.fromResponse(
                    ProblemResponses.of(
                        ErrorCode.RATE_LIMITED,
                        "Over the partner's limit of "
                            + verdict.limit()
                            + " requests; retry after "
                            + verdict.retryAfterSeconds()
                            + " s."))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, verdict.retryAfterSeconds()));
        rateLimitHeaders(verdict).forEach(tooMany::header);
        request.abortWith(tooMany.build());
      }
    } else if (decision instanceof AccessDecision.Denied denied) {
      servletRequest.setAttribute(RequestBoundaryFilter.PARTNER_ATTRIBUTE, denied.partnerId());
      request.abortWith(
          challenge(
              denied.code(),
              denied.detail(),
              bearerChallenge(denied, String.join(" ", required.value()))));
    }
  }

  /** Every partner response carries its budget, so well-behaved clients can pace themselves. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(RATE_LIMIT_PROPERTY) instanceof PartnerRateLimiter.Verdict verdict) {
      rateLimitHeaders(verdict)
          .forEach((name, value) -> response.getHeaders().putSingle(name, value));
    }
  }

  private static Map<String, Object> rateLimitHeaders(PartnerRateLimiter.Verdict verdict) {
    return Map.of(
        "RateLimit-Limit", verdict.limit(),
        "RateLimit-Remaining", verdict.remaining(),
        "RateLimit-Reset", verdict.resetSeconds());
  }

  private boolean isOperatorResource() {
    return resourceInfo.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
        || resourceInfo.getResourceClass().isAnnotationPresent(RolesAllowed.class);
  }

  private RequiresScope requiredScope() {
    RequiresScope onMethod = resourceInfo.getResourceMethod().getAnnotation(RequiresScope.class);
    return onMethod != null
        ? onMethod
        : resourceInfo.getResourceClass().getAnnotation(RequiresScope.class);
  }

  /**
   * The token's scope claim: Liberty issues a JSON array, other providers a space-separated one.
   */
  private static Collection<String> scopes(JsonWebToken token) {
    Object claim = token.getClaim("scope");
    if (claim instanceof String text) {
      return Set.of(text.trim().split("\\s+"));
    }
    if (claim instanceof JsonArray array) {
      return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String bearerChallenge(AccessDecision.Denied denied, String scope) {
    return switch (denied.code()) {
      case INSUFFICIENT_SCOPE ->
          "Bearer realm=\"b2bhub\", error=\"insufficient_scope\", scope=\"" + scope + "\"";
      case CREDENTIAL_INACTIVE, PARTNER_UNKNOWN ->
          "Bearer realm=\"b2bhub\", error=\"invalid_token\"";
      default -> null;
    };
  }

  private static Response challenge(ErrorCode code, String detail, String wwwAuthenticate) {
    Response problem = ProblemResponses.of(code, detail);
    if (wwwAuthenticate == null) {
      return problem;
    }
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate)
        .build();
  }
}
