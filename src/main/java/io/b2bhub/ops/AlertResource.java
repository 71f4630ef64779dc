package io.b2bhub.ops;

import io.b2bhub.platform.Alerts;
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

/** Operators read the hub's alerts (dead letters, refused webhook signatures, ...). */
@Path("/v1/admin/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Admin: alerts")
@SecurityRequirement(name = "operatorBasic")
public class AlertResource {
  @Inject Alerts alerts;

  @GET
  @Operation(
      summary = "Recent alerts, newest first",
      description = "kind: e.g. DEAD_LETTER, WEBHOOK_SIGNATURE; subject: a partner or consumer.")
  @APIResponse(responseCode = "200", description = "OK")
  public List<Alerts.AlertView> recent(
      @QueryParam("kind") String kind,
      @QueryParam("subject") String subject,
      @QueryParam("limit") String limit) {
    return alerts.recent(kind, subject, QueryParameters.limit(limit, 100));
  }
}
