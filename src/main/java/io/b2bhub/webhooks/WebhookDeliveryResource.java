package io.b2bhub.webhooks;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators read a delivery's attempts (evidence) and replay deliveries. */
@Path("/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Webhooks (operators)")
@SecurityRequirement(name = "operatorBasic")
public class WebhookDeliveryResource {
  @Inject WebhookReplay replay;
  @Context SecurityContext security;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @GET
  @Path("/deliveries/{deliveryId}/attempts")
  @Operation(summary = "Every attempt of a delivery: time, status, latency, response snippet")
  @APIResponse(responseCode = "200", description = "OK")
  public List<WebhookAttempt.AttemptView> attempts(@PathParam("deliveryId") long deliveryId) {
    if (em.find(WebhookDelivery.class, deliveryId) == null) {
      throw new ProblemException(ErrorCode.NOT_FOUND, "No such delivery.");
    }
    return em.createNamedQuery("WebhookAttempt.findByDelivery", WebhookAttempt.class)
        .setParameter("deliveryId", deliveryId)
        .getResultStream()
        .map(WebhookAttempt::view)
        .toList();
  }

  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replay deliveries",
      description =
          "By eventIds, subscriptionId and/or since/until (the event's time); criteria combine"
              + " with AND. Each event is delivered again under its original id; dryRun=true"
              + " only lists them. Audited.")
  @APIResponse(responseCode = "200", description = "What was (or would be) replayed")
  public WebhookReplay.Result replay(@NotNull WebhookReplay.Scope scope) {
    return replay.replay(scope, security.getUserPrincipal().getName());
  }
}
