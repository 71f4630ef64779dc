package io.b2bhub.api;

import io.b2bhub.platform.CursorCodec;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.PageView;
import io.b2bhub.platform.ProblemException;
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

/** Operators see the sync requests accepted while the ERP was unavailable. */
@Path("/v1/admin/erp/pending-requests")
@RolesAllowed("hub-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: ERP", description = "Work queued while the ERP was unavailable.")
@SecurityRequirement(name = "operatorBasic")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
public class PendingErpRequestAdminResource {
  private static final String CURSOR_SCOPE = "pending-erp-requests";

  @Inject SyncLedger ledger;
  @Inject CursorCodec cursors;

  @GET
  @Operation(
      summary = "List queued ERP sync requests",
      description =
          "Oldest first; state PENDING (default), DONE or FAILED. Payloads are not shown.")
  @APIResponse(responseCode = "200", description = "OK")
  @APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
  public PageView<SyncResponses.QueuedForOperators> list(
      @QueryParam("state") String state,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    String wanted = state == null || state.isBlank() ? "PENDING" : state.trim();
    if (!wanted.matches("PENDING|DONE|FAILED")) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER, "state must be PENDING, DONE or FAILED.");
    }
    Page<SyncResponses.QueuedForOperators> page =
        ledger.queued(
            wanted,
            new PageRequest(
                cursors.decode(CURSOR_SCOPE, cursor), QueryParameters.limit(limit, 100)));
    return new PageView<>(page.items(), cursors.encode(CURSOR_SCOPE, page.next()));
  }
}
