package io.b2bhub.partners;

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
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link RequiresScope} on partner-facing resources once mpJwt has validated the token
 * (signature, issuer, audience, expiry). Identifies the calling partner for the rest of the
 * request.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PartnerAccessFilter implements ContainerRequestFilter {
  @Context ResourceInfo resourceInfo;
  @Context HttpServletRequest servletRequest;

  @Inject PartnerAccessPolicy policy;
  @Inject CallingPartner callingPartner;

  @Override
  public void filter(ContainerRequestContext request) {
    RequiresScope required = requiredScope();
    if (required == null) {
      // Operator resources are guarded by the container (@RolesAllowed); anything else that
      // forgot to name its scope is closed rather than open to every valid token.
      if (!isOperatorResource()) {
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
    } else if (decision instanceof AccessDecision.Denied denied) {
      servletRequest.setAttribute(RequestBoundaryFilter.PARTNER_ATTRIBUTE, denied.partnerId());
      request.abortWith(
          challenge(
              denied.code(),
              denied.detail(),
              bearerChallenge(denied, String.join(" ", required.value()))));
    }
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
