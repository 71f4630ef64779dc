package io.b2bhub.erp;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the sandbox where it belongs: the API application scans every resource in the WAR, so this
 * filter answers 404 when a sandbox resource is reached outside /sandbox/erp, and always when the
 * sandbox is switched off (production).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ErpSandboxGate implements ContainerRequestFilter {
  static final String MOUNT = "/sandbox/erp/";

  @Context ResourceInfo resourceInfo;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.sandbox.enabled", defaultValue = "false")
  boolean enabled;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resourceInfo.getResourceClass() == null
        || !resourceInfo.getResourceClass().isAnnotationPresent(SandboxOnly.class)) {
      return;
    }
    if (!enabled || !request.getUriInfo().getBaseUri().getPath().startsWith(MOUNT)) {
      request.abortWith(ProblemResponses.of(ErrorCode.NOT_FOUND, "No resource at this path."));
    }
  }
}
