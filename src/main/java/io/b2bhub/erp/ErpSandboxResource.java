package io.b2bhub.erp;

import io.b2bhub.platform.DataConflicts;
import io.b2bhub.platform.SandboxOnly;
import io.b2bhub.platform.erp.ErpCustomer;
import io.b2bhub.platform.erp.ErpOrder;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The built-in ERP sandbox under /sandbox/erp: the ERP the hub's adapter calls when no real ERP is
 * configured. It keeps its own books, assigns ERP ids, and can be told to be slow or to fail.
 */
@Path("/")
@SandboxOnly(mount = "/sandbox/erp/", enabledBy = "b2bhub.erp.sandbox.enabled")
@RolesAllowed({"erp-sandbox", "hub-admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ERP sandbox", description = "A stand-in ERP for trying every flow, off in production.")
@SecurityRequirement(name = "operatorBasic")
@ApplicationScoped
public class ErpSandboxResource {
  @Inject SandboxBooks books;
  @Inject SandboxConditions conditions;

  @POST
  @Path("customers")
  @Operation(summary = "Create or update a customer in the ERP")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  public Response upsertCustomer(@NotNull ErpCustomer customer) {
    return conditions
        .misbehave()
        .orElseGet(() -> answer(retryingOnce(() -> books.upsertCustomer(customer))));
  }

  @POST
  @Path("orders")
  @Operation(summary = "Create an order in the ERP (a repeated create returns the same order)")
  @APIResponse(responseCode = "200", description = "Already known")
  @APIResponse(responseCode = "201", description = "Created")
  public Response createOrder(@NotNull ErpOrder order) {
    return conditions
        .misbehave()
        .orElseGet(() -> answer(retryingOnce(() -> books.createOrder(order))));
  }

  @POST
  @Path("orders/{tenantId}/{orderId}/status")
  @Operation(summary = "Change an order's status in the ERP")
  @APIResponse(responseCode = "200", description = "Changed")
  public Response changeStatus(
      @PathParam("tenantId") String tenantId,
      @PathParam("orderId") String orderId,
      @NotNull ErpRecords.StatusChange change) {
    return conditions
        .misbehave()
        .orElseGet(() -> answer(books.changeStatus(tenantId, orderId, change)));
  }

  @GET
  @Path("orders/{tenantId}/{orderId}")
  @Operation(summary = "One ERP order")
  @APIResponse(responseCode = "200", description = "OK")
  @APIResponse(responseCode = "404", description = "The ERP has no such order")
  public Response order(
      @PathParam("tenantId") String tenantId, @PathParam("orderId") String orderId) {
    return conditions
        .misbehave()
        .orElseGet(() -> Response.ok(books.order(tenantId, orderId)).build());
  }

  @DELETE
  @Path("orders/{tenantId}/{orderId}")
  @Operation(
      summary = "Make the ERP lose an order",
      description = "As a restore from an old backup would; for rehearsing reconciliation.")
  @APIResponse(responseCode = "204", description = "Lost")
  public void loseOrder(
      @PathParam("tenantId") String tenantId, @PathParam("orderId") String orderId) {
    books.loseOrder(tenantId, orderId);
  }

  @GET
  @Path("customers/{tenantId}/{customerId}")
  @Operation(summary = "One ERP customer")
  @APIResponse(responseCode = "200", description = "OK")
  @APIResponse(responseCode = "404", description = "The ERP has no such customer")
  public Response customer(
      @PathParam("tenantId") String tenantId, @PathParam("customerId") String customerId) {
    return conditions
        .misbehave()
        .orElseGet(() -> Response.ok(books.customer(tenantId, customerId)).build());
  }

  @GET
  @Path("customers")
  @Operation(summary = "The ERP's customers of one tenant")
  @APIResponse(responseCode = "200", description = "OK")
  public List<ErpRecords.Customer> customers(@QueryParam("tenantId") String tenantId) {
    return books.customers(tenantId);
  }

  @GET
  @Path("orders")
  @Operation(summary = "The ERP's orders of one tenant")
  @APIResponse(responseCode = "200", description = "OK")
  public List<ErpRecords.Order> orders(@QueryParam("tenantId") String tenantId) {
    return books.orders(tenantId);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Path("orders/{tenantId}/{orderId}/invoices")
  @Operation(
      summary = "Raise an invoice for an order",
      description = "What the ERP's billing run does; the invoice is OPEN until paid.")
  @APIResponse(responseCode = "201", description = "Issued")
  @APIResponse(responseCode = "404", description = "The ERP has no such order")
  public Response issueInvoice(
      @PathParam("tenantId") String tenantId, @PathParam("orderId") String orderId) {
    return Response.status(201).entity(books.issueInvoice(tenantId, orderId)).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Path("invoices/{invoiceNumber}/payment")
  @Operation(summary = "Record that an invoice was paid (a new version of the invoice)")
  @APIResponse(responseCode = "200", description = "Paid")
  public ErpRecords.Invoice payInvoice(@PathParam("invoiceNumber") String invoiceNumber) {
    return books.payInvoice(invoiceNumber);
  }

  @GET
  @Path("invoices")
  @Operation(summary = "The ERP's invoices of one tenant")
  @APIResponse(responseCode = "200", description = "OK")
  public List<ErpRecords.Invoice> invoices(@QueryParam("tenantId") String tenantId) {
    return books.invoices(tenantId);
  }

  @GET
  @Path("invoices/{invoiceNumber}")
  @Operation(summary = "One invoice")
  @APIResponse(responseCode = "200", description = "OK")
  public ErpRecords.Invoice invoice(@PathParam("invoiceNumber") String invoiceNumber) {
    return books.invoice(invoiceNumber);
  }

  @GET
  @Path("invoices/{invoiceNumber}/document")
  @Produces(InvoiceDocument.MEDIA_TYPE)
  @Operation(summary = "The invoice document (PDF)")
  @APIResponse(responseCode = "200", description = "The document")
  public Response invoiceDocument(@PathParam("invoiceNumber") String invoiceNumber) {
    return conditions
        .misbehave()
        .orElseGet(
            () ->
                Response.ok(InvoiceDocument.render(books.invoice(invoiceNumber)))
                    .type(InvoiceDocument.MEDIA_TYPE)
                    .header(
                        "Content-Disposition", "attachment; filename=\"" + invoiceNumber + ".pdf\"")
                    .build());
  }

  @PUT
  @Path("prices/{tenantId}/{priceListId}/{articleNumber}")
  @Operation(
      summary = "Set an article's price on a price list",
      description = "What a price maintenance in the ERP does; each change enters the change feed.")
  @APIResponse(responseCode = "200", description = "The price as it is now")
  public ErpRecords.Price setPrice(
      @PathParam("tenantId") String tenantId,
      @PathParam("priceListId") String priceListId,
      @PathParam("articleNumber") String articleNumber,
      @Valid @NotNull ErpRecords.PriceChange change) {
    return books.setPrice(tenantId, priceListId, articleNumber, change);
  }

  @GET
  @Path("changes")
  @Operation(
      summary = "The ERP's change feed",
      description =
          "Invoices raised or changed, payments, price changes, in commit order after `after`.")
  @APIResponse(responseCode = "200", description = "Up to `limit` changes, oldest first")
  public Response changes(
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return conditions
        .misbehaveForPolling()
        .orElseGet(
            () ->
                Response.ok(books.changesAfter(after, Math.max(1, Math.min(limit, 500)))).build());
  }

  @GET
  @Path("behaviour")
  @Operation(summary = "How the sandbox currently misbehaves")
  @APIResponse(responseCode = "200", description = "OK")
  public SandboxBehaviour behaviour() {
    return conditions.current();
  }

  @PUT
  @Path("behaviour")
  @Operation(
      summary = "Make the sandbox slow or failing",
      description =
          "latencyMs is added to every call; unavailableShare and rateLimitedShare (0..1) of calls"
              + " answer 503 or 429 with Retry-After: retryAfterSeconds.")
  @APIResponse(responseCode = "200", description = "Applied")
  public SandboxBehaviour changeBehaviour(@Valid @NotNull SandboxBehaviour behaviour) {
    conditions.set(behaviour);
    return behaviour;
  }

  /**
   * Two first-time upserts of one record may race; the loser finds the winner's row and updates.
   */
  private static ErpOutcome retryingOnce(Supplier<ErpOutcome> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      if (DataConflicts.asProblem(e, null).isPresent()) {
        return write.get();
      }
      throw e;
    }
  }

  private static Response answer(ErpOutcome outcome) {
    return Response.status(outcome.created() ? 201 : 200).entity(outcome).build();
  }
}
