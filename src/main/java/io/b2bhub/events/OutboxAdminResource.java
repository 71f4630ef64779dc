package io.b2bhub.events;

import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators look into the outbox: what is waiting for the relay, what left and when. */
@Path("/v1/admin/events/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Events (operators)")
@SecurityRequirement(name = "operatorBasic")
public class OutboxAdminResource {
  @Inject OutboxStore store;

  @GET
  @Operation(
      summary = "Newest outbox events first",
      description = "state=PENDING lists only events not yet handed to JMS. No payloads.")
  @APIResponse(responseCode = "200", description = "OK")
  public List<OutboxEvent.OutboxView> recent(
      @QueryParam("state") String state, @QueryParam("limit") String limit) {
    return store.recent("PENDING".equals(state), QueryParameters.limit(limit, 100));
  }
}
