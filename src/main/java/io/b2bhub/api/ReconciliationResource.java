package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators compare hub, ERP and webshop for given orders and customers, and repair. */
@Path("/v1/admin/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Events (operators)")
@SecurityRequirement(name = "operatorBasic")
public class ReconciliationResource {
  @Inject Reconciliation reconciliation;
  @Context SecurityContext security;

  /** What to reconcile: a tenant's orders and customers (up to 100 of each). */
  public record ReconciliationRequest(
      @NotBlank @Pattern(regexp = ContractIds.ID) String tenantId,
      @Size(max = 100) List<@Pattern(regexp = ContractIds.ID) String> orderIds,
      @Size(max = 100) List<@Pattern(regexp = ContractIds.ID) String> customerIds,
      Boolean repair) {}

  @POST
  @Operation(
      summary = "Reconcile orders and customers of a tenant",
      description =
          "Reports per record: MISSING_IN_ERP, STATUS_DIFFERS, ERP_VERSION_BEHIND,"
              + " NOT_PUBLISHED_TO_WEBSHOP, IN_ERP_NOT_IN_HUB. With repair=true the hub re-emits"
              + " the stored webshop event (a new id), sends the status to the ERP, or publishes"
              + " the missing erp.*.synced.v1; every repair is audited.")
  @APIResponse(responseCode = "200", description = "The findings (and repairs)")
  public Reconciliation.Report reconcile(@NotNull @Valid ReconciliationRequest request) {
    List<String> orders = request.orderIds() == null ? List.of() : request.orderIds();
    List<String> customers = request.customerIds() == null ? List.of() : request.customerIds();
    if (orders.isEmpty() && customers.isEmpty()) {
      throw new ProblemException(ErrorCode.VALIDATION_FAILED, "Name orderIds or customerIds.");
    }
    return reconciliation.reconcile(
        new Reconciliation.Request(
            request.tenantId(), orders, customers, Boolean.TRUE.equals(request.repair())),
        security.getUserPrincipal().getName());
  }
}
