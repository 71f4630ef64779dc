package io.b2bhub.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps each sandbox where it belongs: the API application scans every resource in the WAR, so this
 * filter answers 404 when a {@link SandboxOnly} resource is reached outside its mount, and always
 * when its sandbox is switched off (production).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class SandboxGate implements ContainerRequestFilter {
  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> resource = resourceInfo.getResourceClass();
    SandboxOnly sandbox = resource == null ? null : resource.getAnnotation(SandboxOnly.class);
    if (sandbox == null) {
      return;
    }
    boolean enabled =
        ConfigProvider.getConfig()
            .getOptionalValue(sandbox.enabledBy(), Boolean.class)
            .orElse(false);
    if (!enabled || !request.getUriInfo().getBaseUri().getPath().startsWith(sandbox.mount())) {
      request.abortWith(ProblemResponses.of(ErrorCode.NOT_FOUND, "No resource at this path."));
    }
  }
}
