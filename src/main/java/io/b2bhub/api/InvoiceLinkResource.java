package io.b2bhub.api;

import io.b2bhub.platform.AuthenticatedBySignature;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed, short-lived document links that {@code erp.invoice.available.v1} carries: the token
 * is the authorization, bound to one invoice of one tenant until it expires.
 */
@Path("/v1/documents/invoices")
@Produces({"application/pdf", "application/problem+json"})
@Tag(name = "Invoices", description = "Invoice documents from the ERP.")
@APIResponse(responseCode = "401", description = "LINK_INVALID or LINK_EXPIRED")
@APIResponse(responseCode = "404", description = "The invoice is gone from the ERP")
@APIResponse(responseCode = "503", description = "The ERP is unavailable; retry later")
public class InvoiceLinkResource {
  @Inject InvoiceDocuments documents;
  @Inject InvoiceLinks links;

  @GET
  @Path("/{invoiceNumber}/document")
  @AuthenticatedBySignature
  @Operation(
      summary = "An invoice's document through a signed link",
      description =
          "The link comes in erp.invoice.available.v1 (documentUrl) and works until"
              + " documentTokenExpiresAt; no other credential is needed.")
  @APIResponse(responseCode = "200", description = "The document")
  public Response document(
      @PathParam("invoiceNumber") String invoiceNumber,
      @Parameter(description = "The token of the signed link") @QueryParam("token") String token) {
    String tenantId = links.verify(invoiceNumber, token);
    return documents.document(invoiceNumber, i -> i.tenantId().equals(tenantId));
  }
}
