package io.b2bhub.partners;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a partner may read about itself: its registry entry, as its integration spec header. */
@Path("/v1/partners/{partnerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner profile")
@SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.PARTNER_READ)
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class PartnerProfileResource {
  @Inject PartnerRegistry registry;
  @Inject CallingPartner caller;

  @GET
  @Path("/profile")
  @RequiresScope(PartnerScopes.PARTNER_READ)
  @Operation(
      summary = "Read your own partner profile",
      description = "Another partner's id answers 404, exactly like an unknown id.")
  @APIResponse(responseCode = "200", description = "OK")
  public PartnerView profile(@PathParam("partnerId") String partnerId) {
    caller.requireSelf(partnerId);
    return registry.require(partnerId).view();
  }
}
