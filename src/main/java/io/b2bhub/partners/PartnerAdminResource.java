package io.b2bhub.partners;

import io.b2bhub.platform.CursorCodec;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.PageView;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operators' view of the partner registry. */
@Path("/v1/admin/partners")
@RolesAllowed("hub-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: partners")
@SecurityRequirement(name = "operatorBasic")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class PartnerAdminResource {
  private static final String CURSOR_SCOPE = "partners";

  @Inject PartnerRegistry registry;
  @Inject PartnerCsvImport csvImport;
  @Inject CursorCodec cursors;
  @Context UriInfo uriInfo;

  @POST
  @Operation(
      summary = "Register a partner",
      description =
          "Creates the partner in status ONBOARDING with an OAuth client (and a webhook secret when"
              + " security names hmac). Secrets are in this response only.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "api-partner",
                      value =
                          "{\"partnerId\":\"p_100\",\"name\":\"Umbrella Supply\","
                              + "\"mode\":\"API+Webhook\",\"security\":\"oauth2+hmac\","
                              + "\"contact\":\"integrations@umbrella.example\","
                              + "\"sla\":\"p95<=300ms\",\"flows\":[\"orders\"],"
                              + "\"scopes\":[\"partner:read\",\"orders:read\"],"
                              + "\"ipAllowlist\":[\"203.0.113.0/24\"]}")))
  @APIResponse(responseCode = "201", description = "Registered; secrets shown once.")
  @APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
  @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
  public Response create(@Valid @NotNull NewPartner request) {
    PartnerRegistry.CreatedPartner created = registry.create(request);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(created.partner().partnerId()).build())
        .tag(etag(created.partner()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "List partners", description = "Oldest first; follow nextCursor for more.")
  @APIResponse(responseCode = "200", description = "OK")
  public PageView<PartnerView> list(
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    Page<PartnerView> page =
        registry.list(
            QueryParameters.enumValue("status", status, PartnerStatus.class),
            new PageRequest(
                cursors.decode(CURSOR_SCOPE, cursor), QueryParameters.limit(limit, 50)));
    return new PageView<>(page.items(), cursors.encode(CURSOR_SCOPE, page.next()));
  }

  @GET
  @Path("/{partnerId}")
  @Operation(summary = "Read a partner")
  @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  @APIResponse(responseCode = "200", description = "OK")
  public Response get(@PathParam("partnerId") String partnerId) {
    PartnerView partner = registry.require(partnerId).view();
    return Response.ok(partner).tag(etag(partner)).build();
  }

  @PUT
  @Path("/{partnerId}")
  @Operation(
      summary = "Update a partner's details",
      description = "Send If-Match with the ETag you read to refuse lost updates (409).")
  @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
  @APIResponse(responseCode = "200", description = "OK")
  public Response update(
      @PathParam("partnerId") String partnerId,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PartnerDetails details) {
    PartnerView partner = registry.update(partnerId, details, expectedVersion(ifMatch));
    return Response.ok(partner).tag(etag(partner)).build();
  }

  @POST
  @Path("/{partnerId}/status")
  @Operation(
      summary = "Change a partner's status",
      description =
          "ONBOARDING → CERTIFIED → LIVE; any → SUSPENDED (stops all traffic and token issuance);"
              + " SUSPENDED → ONBOARDING, CERTIFIED or LIVE.")
  @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
  @APIResponse(responseCode = "200", description = "OK")
  public PartnerView changeStatus(
      @PathParam("partnerId") String partnerId, @Valid @NotNull StatusChange change) {
    return registry.changeStatus(partnerId, change.status());
  }

  @POST
  @Path("/{partnerId}/suspend")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Suspend a partner", description = "Same as status SUSPENDED.")
  @APIResponse(responseCode = "200", description = "OK")
  public PartnerView suspend(@PathParam("partnerId") String partnerId) {
    return registry.changeStatus(partnerId, PartnerStatus.SUSPENDED);
  }

  @POST
  @Path("/import")
  @Consumes("text/csv")
  @Operation(
      summary = "Import partners from the registry CSV",
      description =
          "Header partner_id,name,mode,security,contact,sla. Known partner ids are skipped; one"
              + " bad line rejects the whole file with every bad line listed.")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema = @Schema(type = SchemaType.STRING),
              examples =
                  @ExampleObject(
                      name = "seed",
                      value =
                          "partner_id,name,mode,security,contact,sla\n"
                              + "p_001,Acme Retail,API+Webhook,oauth2+hmac,ops@acme.com,"
                              + "\"p95<=300ms, uptime 99.9%\"")))
  @APIResponse(responseCode = "200", description = "OK")
  public PartnerCsvImport.ImportResult importCsv(String csv) {
    return csvImport.importCsv(new StringReader(csv == null ? "" : csv));
  }

  static EntityTag etag(PartnerView partner) {
    return new EntityTag(Long.toString(partner.version()));
  }

  private static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER, "If-Match must be an ETag returned by this API.");
    }
  }
}
