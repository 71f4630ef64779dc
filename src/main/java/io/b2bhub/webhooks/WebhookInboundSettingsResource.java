package io.b2bhub.webhooks;

import io.b2bhub.partners.PartnerDirectory;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators set how the hub receives a partner's webhooks (the seed's {@code window_s}). */
@Path("/v1/admin/webhooks/inbound/{partnerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Webhooks (operators)")
@SecurityRequirement(name = "operatorBasic")
public class WebhookInboundSettingsResource {
  @Inject WebhookInboundSettings settings;
  @Inject PartnerDirectory partners;

  /** How far (seconds) a signature's timestamp may be from the hub's clock: 60 s to 1 h. */
  public record InboundSettings(@NotNull @Min(60) @Max(3600) Integer windowSeconds) {}

  @GET
  @Operation(summary = "A partner's webhook receiving settings")
  @APIResponse(responseCode = "200", description = "OK")
  public InboundSettings current(@PathParam("partnerId") String partnerId) {
    requirePartner(partnerId);
    return new InboundSettings((int) settings.window(partnerId).toSeconds());
  }

  @PUT
  @Operation(summary = "Set a partner's signature timestamp window")
  @APIResponse(responseCode = "200", description = "Applied to the next push")
  public InboundSettings change(
      @PathParam("partnerId") String partnerId, @Valid @NotNull InboundSettings change) {
    requirePartner(partnerId);
    settings.setWindow(partnerId, Duration.ofSeconds(change.windowSeconds()));
    return change;
  }

  private void requirePartner(String partnerId) {
    if (partners.find(partnerId).isEmpty()) {
      throw new ProblemException(ErrorCode.PARTNER_NOT_FOUND, "No partner " + partnerId + ".");
    }
  }
}
