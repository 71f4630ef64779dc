package io.b2bhub.events;

import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators see the messages consumers gave up on, newest first. */
@Path("/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Events (operators)")
@SecurityRequirement(name = "operatorBasic")
public class DeadLetterAdminResource {
  @Inject DeadLetters deadLetters;
  @Inject DeadLetterReplay replay;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "Dead letters, newest first",
      description = "Reason EXHAUSTED (every attempt failed), REJECTED (refused data) or POISON.")
  @APIResponse(responseCode = "200", description = "OK")
  public List<DeadLetters.DeadLetterView> list(
      @QueryParam("tenantId") String tenantId, @QueryParam("limit") String limit) {
    return deadLetters.list(tenantId, QueryParameters.limit(limit, 100));
  }

  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replay dead letters by scope",
      description =
          "Scope criteria combine with AND: ids, tenantId, orderId, customerId, eventType, from,"
              + " to (last failure, ISO-8601), or all=true. Each matching dead letter is sent"
              + " again through the outbox, marked REPLAYED and audited; replaying twice replays"
              + " nothing the second time. dryRun=true only lists what would be replayed.")
  @APIResponse(responseCode = "200", description = "What was (or would be) replayed")
  public DeadLetterReplay.Result replay(@NotNull DeadLetterReplay.Scope scope) {
    return replay.replay(scope, security.getUserPrincipal().getName());
  }
}
