package io.b2bhub.platform;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Names the operation for the audit log by its route template ("POST /api/v1/admin/partners"), not
 * the concrete path, so audit rows group by operation and carry no identifiers from the URL.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperationNameFilter implements ContainerRequestFilter {
  @Context ResourceInfo resourceInfo;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resourceInfo.getResourceMethod() == null) {
      return;
    }
    StringBuilder template = new StringBuilder("/api");
    append(template, resourceInfo.getResourceClass().getAnnotation(Path.class));
    append(template, resourceInfo.getResourceMethod().getAnnotation(Path.class));
    servletRequest.setAttribute(
        RequestBoundaryFilter.OPERATION_ATTRIBUTE, request.getMethod() + " " + template);
    // The partner a call concerns; for partner calls the access filter replaces it with the caller.
    String partnerId = request.getUriInfo().getPathParameters().getFirst("partnerId");
    if (partnerId != null && partnerId.length() <= 40) {
      servletRequest.setAttribute(RequestBoundaryFilter.PARTNER_ATTRIBUTE, partnerId);
    }
  }

  private static void append(StringBuilder template, Path path) {
    if (path == null || path.value().isEmpty() || path.value().equals("/")) {
      return;
    }
    if (path.value().charAt(0) != '/') {
      template.append('/');
    }
    template.append(path.value());
  }
}
