package io.b2bhub.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The webshop's side of the ERP contract (ERP middleware → webshop). Bodies go as the exact bytes
 * that were signed; raw responses, the caller judges the status.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WebshopClient extends AutoCloseable {
  @POST
  @Path("orders/{orderId}/payment-status")
  Response paymentStatus(
      @PathParam("orderId") String orderId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("X-Signature") String signature,
      @HeaderParam("X-Event-Id") String eventId,
      byte[] body);

  @POST
  @Path("orders/{orderId}/invoice-available")
  Response invoiceAvailable(
      @PathParam("orderId") String orderId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("X-Signature") String signature,
      @HeaderParam("X-Event-Id") String eventId,
      byte[] body);

  @POST
  @Path("products/prices")
  Response prices(
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("X-Signature") String signature,
      @HeaderParam("X-Event-Id") String eventId,
      byte[] body);
}
