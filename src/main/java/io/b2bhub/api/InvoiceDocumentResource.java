package io.b2bhub.api;

import io.b2bhub.partners.CallingPartner;
import io.b2bhub.partners.PartnerScopes;
import io.b2bhub.partners.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoice documents (contract flow 4) for the partner owning the invoice's tenant, with an OAuth
 * token: the way to a document once the link in its {@code erp.invoice.available.v1} has expired.
 */
@Path("/v1/erp/invoices")
@Produces({"application/pdf", "application/problem+json"})
@Tag(name = "Invoices", description = "Invoice documents from the ERP.")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", description = "No such invoice for this partner's tenants")
@APIResponse(responseCode = "503", description = "The ERP is unavailable; retry later")
public class InvoiceDocumentResource {
  @Inject InvoiceDocuments documents;
  @Inject TenantOwnership tenants;
  @Inject CallingPartner caller;

  @GET
  @Path("/{invoiceNumber}/document")
  @RequiresScope(PartnerScopes.INVOICES_READ)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.INVOICES_READ)
  @Operation(summary = "An invoice's document (PDF), for the partner owning its tenant")
  @APIResponse(responseCode = "200", description = "The document")
  public Response document(@PathParam("invoiceNumber") String invoiceNumber) {
    String partnerId = caller.partnerId();
    return documents.document(invoiceNumber, i -> tenants.isOwner(partnerId, i.tenantId()));
  }
}
