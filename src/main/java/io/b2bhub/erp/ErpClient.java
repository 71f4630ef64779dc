package io.b2bhub.erp;

import io.b2bhub.platform.erp.ErpCustomer;
import io.b2bhub.platform.erp.ErpOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The ERP's REST contract (the sandbox implements it). Raw responses: the caller judges status. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ErpClient extends AutoCloseable {
  @POST
  @Path("customers")
  Response upsertCustomer(ErpCustomer customer);

  @POST
  @Path("orders")
  Response createOrder(ErpOrder order);

  @GET
  @Path("orders/{tenantId}/{orderId}")
  Response findOrder(@PathParam("tenantId") String tenantId, @PathParam("orderId") String orderId);

  @GET
  @Path("customers/{tenantId}/{customerId}")
  Response findCustomer(
      @PathParam("tenantId") String tenantId, @PathParam("customerId") String customerId);

  @POST
  @Path("orders/{tenantId}/{orderId}/status")
  Response changeStatus(
      @PathParam("tenantId") String tenantId,
      @PathParam("orderId") String orderId,
      ErpRecords.StatusChange change);

  @GET
  @Path("changes")
  Response changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

  @GET
  @Path("invoices/{invoiceNumber}")
  Response findInvoice(@PathParam("invoiceNumber") String invoiceNumber);

  @GET
  @Path("invoices/{invoiceNumber}/document")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  Response invoiceDocument(@PathParam("invoiceNumber") String invoiceNumber);
}
