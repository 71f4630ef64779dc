package io.b2bhub.partners;

import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators manage a partner's credentials: list, add, rotate with overlap, revoke. */
@Path("/v1/admin/partners/{partnerId}/credentials")
@RolesAllowed("hub-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: partners")
@SecurityRequirement(name = "operatorBasic")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
@Transactional
public class PartnerCredentialResource {
  @Inject PartnerRegistry registry;
  @Inject PartnerCredentials credentials;

  @GET
  @Operation(summary = "List a partner's credentials (never their secrets)")
  @APIResponse(responseCode = "200", description = "OK")
  public List<CredentialView> list(@PathParam("partnerId") String partnerId) {
    return credentials.list(registry.require(partnerId));
  }

  @POST
  @Operation(
      summary = "Add a credential",
      description =
          "OAUTH_CLIENT and WEBHOOK_SECRET are generated (secret shown once); SSH_PUBLIC_KEY and"
              + " IP_RANGE take the key line or CIDR in value.")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "ip-range",
                    value = "{\"kind\":\"IP_RANGE\",\"value\":\"198.51.100.0/24\"}"),
                @ExampleObject(
                    name = "ssh-key",
                    value =
                        "{\"kind\":\"SSH_PUBLIC_KEY\",\"label\":\"sftp\","
                            + "\"value\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA...\"}")
              }))
  @APIResponse(responseCode = "201", description = "Added; a generated secret is shown once.")
  @APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
  public Response add(
      @PathParam("partnerId") String partnerId, @Valid @NotNull NewCredential request) {
    return Response.status(Response.Status.CREATED)
        .entity(credentials.add(registry.require(partnerId), request))
        .build();
  }

  @POST
  @Path("/{credentialId}/rotate")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Rotate a generated secret",
      description =
          "Issues a replacement; the old credential stays valid for the overlap and then stops"
              + " working. overlap is an ISO-8601 duration up to P30D (default"
              + " b2bhub.credentials.rotation-overlap); PT0S retires the old one at once.")
  @APIResponse(responseCode = "201", description = "The replacement; its secret is shown once.")
  @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
  public Response rotate(
      @PathParam("partnerId") String partnerId,
      @PathParam("credentialId") String credentialId,
      @QueryParam("overlap") String overlap) {
    return Response.status(Response.Status.CREATED)
        .entity(
            credentials.rotate(
                registry.require(partnerId),
                credentialId,
                QueryParameters.duration("overlap", overlap)))
        .build();
  }

  @DELETE
  @Path("/{credentialId}")
  @Operation(
      summary = "Revoke a credential at once",
      description =
          "The last allowed IP range can only be revoked with allowAnyAddress=true, because"
              + " without it the partner may call from anywhere.")
  @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
  @APIResponse(responseCode = "200", description = "OK")
  public CredentialView revoke(
      @PathParam("partnerId") String partnerId,
      @PathParam("credentialId") String credentialId,
      @QueryParam("allowAnyAddress") boolean allowAnyAddress) {
    return credentials.revoke(registry.require(partnerId), credentialId, allowAnyAddress);
  }
}
