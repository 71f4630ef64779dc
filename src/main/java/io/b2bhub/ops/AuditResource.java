package io.b2bhub.ops;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CursorCodec;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.PageView;
import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators search the audit log of contract calls, newest first. */
@Path("/v1/admin/audit")
@RolesAllowed("hub-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit")
@SecurityRequirement(name = "operatorBasic")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
public class AuditResource {
  private static final String CURSOR_SCOPE = "audit";

  @Inject AuditLog auditLog;
  @Inject CursorCodec cursors;

  @GET
  @Operation(
      summary = "Search the audit log",
      description =
          "Filters combine with AND. since/until are ISO-8601 UTC times (until exclusive)."
              + " Follow nextCursor for older entries.")
  @APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
  @APIResponse(responseCode = "200", description = "OK")
  public PageView<AuditRecord> search(
      @QueryParam("partnerId") String partnerId,
      @QueryParam("correlationId") String correlationId,
      @QueryParam("outcome") String outcome,
      @QueryParam("direction") String direction,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    AuditLog.AuditQuery query =
        new AuditLog.AuditQuery(
            partnerId,
            correlationId,
            name(QueryParameters.enumValue("outcome", outcome, AuditRecord.Outcome.class)),
            name(QueryParameters.enumValue("direction", direction, AuditRecord.Direction.class)),
            QueryParameters.utcTime("since", since),
            QueryParameters.utcTime("until", until));
    Page<AuditRecord> page =
        auditLog.find(
            query,
            new PageRequest(
                cursors.decode(CURSOR_SCOPE, cursor), QueryParameters.limit(limit, 100)));
    return new PageView<>(page.items(), cursors.encode(CURSOR_SCOPE, page.next()));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
