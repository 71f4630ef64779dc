package io.b2bhub.webshop;

import io.b2bhub.platform.DataConflicts;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Hashes;
import io.b2bhub.platform.PayloadSignature;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.SandboxOnly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in webshop sandbox under /sandbox/webshop: the contract's ERP → webshop endpoints as a
 * careful webshop implements them (signature checked, idempotency key checked against the path and
 * the body, repeats answered without a second effect, older versions ignored), plus what a shop's
 * customer sees: the order's payment status and its invoice documents.
 */
@Path("/")
@SandboxOnly(mount = "/sandbox/webshop/", enabledBy = "b2bhub.webshop.sandbox.enabled")
@RolesAllowed({"webshop-sandbox", "hub-admin"})
@Produces(MediaType.APPLICATION_JSON)
public class WebshopSandboxResource {
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject WebshopSandboxBooks books;
  @Inject WebshopSandboxFaults faults;
  @Inject WebshopDocuments documents;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.push-secret")
  String pushSecret;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.signature-window", defaultValue = "PT5M")
  Duration signatureWindow;

  @POST
  @Path("orders/{orderId}/payment-status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response paymentStatus(
      @PathParam("orderId") String orderId,
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam(PayloadSignature.HEADER) String signature,
      byte[] body) {
    return receive(
        signature,
        body,
        json -> {
          String status = json.getString("status");
          expectKey(key, "payment-status:" + orderId + ":" + status + ":" + version(json));
          expectOrder(orderId, json);
          return push(key, body, "PAYMENT", json, orderId, () -> books.paymentStatus(json));
        });
  }

  @POST
  @Path("orders/{orderId}/invoice-available")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invoiceAvailable(
      @PathParam("orderId") String orderId,
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam(PayloadSignature.HEADER) String signature,
      byte[] body) {
    return receive(
        signature,
        body,
        json -> {
          String invoice = json.getString("invoiceNumber");
          expectKey(key, "invoice:" + orderId + ":" + invoice + ":" + version(json));
          expectOrder(orderId, json);
          return push(key, body, "INVOICE", json, invoice, () -> books.invoice(json));
        });
  }

  @POST
  @Path("products/prices")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response prices(
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam(PayloadSignature.HEADER) String signature,
      byte[] body) {
    return receive(
        signature,
        body,
        json -> {
          List<JsonObject> prices = json.getJsonArray("prices").getValuesAs(JsonObject.class);
          if (prices.size() != 1) {
            throw new ProblemException(
                ErrorCode.VALIDATION_FAILED,
                "One price per push: the key names one article and price list.",
                List.of(new Problem.FieldError("/prices", "must hold exactly one price")));
          }
          JsonObject price = prices.get(0);
          String article = price.getString("articleNumber");
          String list = price.getString("priceListId");
          expectKey(key, "price:" + article + ":" + list + ":" + version(price));
          return push(
              key,
              body,
              "PRICE",
              json,
              article + "@" + list,
              () -> books.price(json.getString("tenantId"), price));
        });
  }

  @GET
  @Path("orders/{orderId}")
  public Map<String, Object> order(
      @PathParam("orderId") String orderId, @QueryParam("tenantId") String tenantId) {
    return books.order(tenantId, orderId);
  }

  /** The customer's invoice endpoint: the document behind the link the hub pushed. */
  @GET
  @Path("orders/{orderId}/invoices/{invoiceNumber}/document")
  @Produces({"application/pdf", "application/problem+json"})
  public Response invoiceDocument(
      @PathParam("orderId") String orderId,
      @PathParam("invoiceNumber") String invoiceNumber,
      @QueryParam("tenantId") String tenantId) {
    String url =
        books
            .documentUrl(tenantId, orderId, invoiceNumber)
            .orElseThrow(
                () -> new ProblemException(ErrorCode.NOT_FOUND, "No such invoice on this order."));
    return documents.fetch(url);
  }

  @GET
  @Path("prices")
  public List<Map<String, Object>> prices(@QueryParam("tenantId") String tenantId) {
    return books.prices(tenantId);
  }

  @GET
  @Path("receipts")
  public List<Map<String, Object>> receipts(@QueryParam("tenantId") String tenantId) {
    return books.receipts(tenantId);
  }

  @GET
  @Path("behaviour")
  public WebshopSandboxFaults.Behaviour behaviour() {
    return faults.current();
  }

  @PUT
  @Path("behaviour")
  @Consumes(MediaType.APPLICATION_JSON)
  public WebshopSandboxFaults.Behaviour changeBehaviour(
      @Valid @NotNull WebshopSandboxFaults.Behaviour behaviour) {
    faults.set(behaviour);
    return behaviour;
  }

  @FunctionalInterface
  private interface Handling {
    Response handle(JsonObject body);
  }

  private Response receive(String signature, byte[] body, Handling handling) {
    switch (PayloadSignature.verify(
        signature, body, List.of(pushSecret), signatureWindow, clock.instant())) {
      case VALID -> {}
      case EXPIRED ->
          throw new ProblemException(
              ErrorCode.SIGNATURE_EXPIRED, "The signature's timestamp is outside the window.");
      default ->
          throw new ProblemException(
              ErrorCode.SIGNATURE_INVALID, "The X-Signature does not match the body.");
    }
    if (faults.failThisPush()) {
      return Response.status(503).header("Retry-After", 1).build();
    }
    JsonObject json;
    try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ProblemException(ErrorCode.MALFORMED_REQUEST, "The body is not a JSON object.");
    }
    try {
      return handling.handle(json);
    } catch (NullPointerException | ClassCastException e) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, "The body lacks a field the contract requires.");
    }
  }

  private Response push(
      String key,
      byte[] body,
      String kind,
      JsonObject json,
      String subject,
      Supplier<Boolean> change) {
    WebshopSandboxBooks.Push push =
        new WebshopSandboxBooks.Push(
            key,
            Hashes.sha256Hex(body),
            kind,
            json.getString("tenantId"),
            subject,
            b -> change.get());
    WebshopReceipt receipt;
    try {
      receipt = books.receive(push);
    } catch (RuntimeException e) {
      // Two deliveries of one key at once: the loser's insert fails; it is a repeat.
      if (DataConflicts.asProblem(e, null).isEmpty()) {
        throw e;
      }
      receipt = books.receive(push);
    }
    Response.ResponseBuilder answer =
        Response.ok(
            JSON.createObjectBuilder()
                .add("idempotencyKey", receipt.idempotencyKey())
                .add("outcome", receipt.outcome().name())
                .build());
    if (receipt.outcome() == WebshopReceipt.Outcome.REPLAYED) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  private static void expectKey(String key, String expected) {
    if (key == null || key.isBlank()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "Idempotency-Key is required.",
          List.of(new Problem.FieldError("/Idempotency-Key", "is required")));
    }
    if (!key.equals(expected)) {
      throw new ProblemException(
          ErrorCode.IDEMPOTENCY_KEY_MISMATCH, "Idempotency-Key does not name this push.");
    }
  }

  private static void expectOrder(String orderId, JsonObject json) {
    if (!orderId.equals(json.getString("orderId"))) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "The body names another order than the path.",
          List.of(new Problem.FieldError("/orderId", "must equal the path's order id")));
    }
  }

  private static long version(JsonObject json) {
    JsonValue value = json.get("externalVersion");
    return ((jakarta.json.JsonNumber) value).longValue();
  }
}
