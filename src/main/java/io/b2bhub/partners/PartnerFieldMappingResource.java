package io.b2bhub.partners;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators upload and read a partner's field mapping per flow (e.g. orders, customers). */
@Path("/v1/admin/partners/{partnerId}/field-mappings/{flow}")
@RolesAllowed("hub-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: partners")
@SecurityRequirement(name = "operatorBasic")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class PartnerFieldMappingResource {
  @Inject PartnerFieldMappings mappings;

  @PUT
  @Consumes("text/csv")
  @Operation(
      summary = "Replace a partner's field mapping for a flow",
      description =
          "CSV with header ours,partner,type,notes (type: string, integer, datetime). The export"
              + " renames our fields to the partner's and converts values; the whole file is"
              + " checked before it replaces the old mapping.")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema = @Schema(type = SchemaType.STRING),
              examples =
                  @ExampleObject(
                      name = "seed",
                      value =
                          "ours,partner,type,notes\n"
                              + "order_id,OrderNumber,string,stable external id\n"
                              + "total_amount,TotalGross,integer,minor units\n"
                              + "currency,CurrencyCode,string,ISO-4217\n"
                              + "updated_at,LastModified,datetime,UTC ISO-8601")))
  @APIResponse(responseCode = "200", description = "The mapping now in force")
  @APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
  public List<FieldMapping.Rule> replace(
      @PathParam("partnerId") String partnerId, @PathParam("flow") String flow, String csv) {
    return mappings.replace(partnerId, flow, new StringReader(csv == null ? "" : csv));
  }

  @GET
  @Operation(summary = "Read a partner's field mapping for a flow")
  @APIResponse(responseCode = "200", description = "OK")
  public List<FieldMapping.Rule> read(
      @PathParam("partnerId") String partnerId, @PathParam("flow") String flow) {
    return mappings.mappingFor(partnerId, flow).rules();
  }
}
