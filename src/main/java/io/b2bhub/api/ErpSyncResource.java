package io.b2bhub.api;

import io.b2bhub.partners.CallingPartner;
import io.b2bhub.partners.PartnerScopes;
import io.b2bhub.partners.RequiresScope;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webshop → ERP sync API. Every call needs an Idempotency-Key of the contract's shape; a repeat
 * of the same request gets the first answer again (Idempotent-Replayed: true) without a second ERP
 * call.
 */
// One instance serves every request: building a resource per call was a visible share of the hot
// path.
@ApplicationScoped
@Path("/v1/erp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "ERP sync",
    description = "Customers, orders and order status from the webshop to the ERP.")
@APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(
    responseCode = "409",
    description = "IDEMPOTENCY_IN_PROGRESS: the first request with this key is still running.",
    headers =
        @Header(
            name = "Retry-After",
            description = "seconds",
            schema = @Schema(type = SchemaType.INTEGER)),
    content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@APIResponse(
    responseCode = "422",
    description =
        "IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_MISMATCH, or ERP_REJECTED (the ERP refused it).",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@APIResponse(
    responseCode = "202",
    description =
        "The ERP is unavailable: the request is stored and will be completed; follow Location.")
public class ErpSyncResource {
  // Json.* looks the provider up on every call; hot paths keep one.
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String KEY_DESCRIPTION =
      "The contract's idempotency key for this request; the same key with the same body replays"
          + " the first answer.";

  @Inject ErpSyncService sync;
  @Inject ContractReader reader;
  @Inject SyncLedger ledger;
  @Inject CallingPartner caller;
  @Context UriInfo uriInfo;

  @POST
  @Path("/customers")
  @RequiresScope(PartnerScopes.CUSTOMERS_WRITE)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.CUSTOMERS_WRITE)
  @Operation(
      summary = "Create or update an ERP customer",
      description =
          "Key customer:{tenantId}:{customerId}:{version}. A version older than one already"
              + " applied is acknowledged with outcome STALE_IGNORED and not sent to the ERP.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = CustomerUpsert.class),
              examples =
                  @ExampleObject(
                      name = "v2",
                      value =
                          "{\"schemaVersion\":2,\"tenantId\":\"shop-eu\",\"customerId\":\"c-1001\","
                              + "\"version\":3,\"name\":\"Ada Example\","
                              + "\"email\":\"ada@example.com\",\"countryCode\":\"DE\"}")))
  @APIResponse(responseCode = "201", description = "New to the ERP")
  @APIResponse(
      responseCode = "200",
      description = "Updated in the ERP, or a stale version acknowledged")
  public Response upsertCustomer(
      @Parameter(
              description = KEY_DESCRIPTION,
              required = true,
              example = "customer:shop-eu:c-1001:3")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      JsonObject body) {
    JsonObject current = ContractVersions.toCurrent(SyncOperation.CUSTOMER_UPSERT, required(body));
    CustomerUpsert request = reader.read(current, CustomerUpsert.class);
    IdempotencyKeys.check(
        SyncOperation.CUSTOMER_UPSERT,
        idempotencyKey,
        request.tenantId(),
        request.customerId(),
        request.version().toString());
    return answer(
        sync.upsertCustomer(
            caller.partnerId(), idempotencyKey, request, ContractReader.fingerprint(current)));
  }

  @POST
  @Path("/orders")
  @RequiresScope(PartnerScopes.ORDERS_WRITE)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.ORDERS_WRITE)
  @Operation(
      summary = "Create an ERP order from a webshop order",
      description =
          "Key order:{tenantId}:{orderId}:{version}. Amounts in minor units; lineTotalMinor ="
              + " quantity × unitPriceMinor, netMinor = Σ lines, grossMinor = net + tax.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = OrderCreate.class),
              examples =
                  @ExampleObject(
                      name = "v2",
                      value =
                          "{\"schemaVersion\":2,\"tenantId\":\"shop-eu\",\"orderId\":\"o-5001\","
                              + "\"version\":1,\"customerRef\":\"c-1001\",\"currency\":\"EUR\","
                              + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,"
                              + "\"unitPriceMinor\":1250,\"lineTotalMinor\":2500}],"
                              + "\"totals\":{\"netMinor\":2500,\"taxMinor\":475,"
                              + "\"grossMinor\":2975}}")))
  @APIResponse(responseCode = "201", description = "Created in the ERP")
  @APIResponse(responseCode = "200", description = "Updated, or a stale version acknowledged")
  public Response createOrder(
      @Parameter(description = KEY_DESCRIPTION, required = true, example = "order:shop-eu:o-5001:1")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      JsonObject body) {
    JsonObject current = ContractVersions.toCurrent(SyncOperation.ORDER_CREATE, required(body));
    OrderCreate request = reader.read(current, OrderCreate.class, OrderRules::check);
    IdempotencyKeys.check(
        SyncOperation.ORDER_CREATE,
        idempotencyKey,
        request.tenantId(),
        request.orderId(),
        request.version().toString());
    return answer(
        sync.createOrder(
            caller.partnerId(), idempotencyKey, request, ContractReader.fingerprint(current)));
  }

  @POST
  @Path("/orders/{orderId}/status")
  @RequiresScope(PartnerScopes.ORDERS_WRITE)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.ORDERS_WRITE)
  @Operation(
      summary = "Update an ERP order's status",
      description =
          "Key order-status:{tenantId}:{orderId}:{status}:{version}. A status version not newer"
              + " than the one applied is acknowledged as STALE_IGNORED; the order must be known.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = OrderStatusChange.class),
              examples =
                  @ExampleObject(
                      name = "v2",
                      value =
                          "{\"schemaVersion\":2,\"tenantId\":\"shop-eu\",\"status\":\"PAID\","
                              + "\"version\":2}")))
  @APIResponse(responseCode = "200", description = "Applied, or a stale version acknowledged")
  @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  public Response changeOrderStatus(
      @Parameter(
              description = KEY_DESCRIPTION,
              required = true,
              example = "order-status:shop-eu:o-5001:PAID:2")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @PathParam("orderId") String orderId,
      JsonObject body) {
    JsonObject current = ContractVersions.toCurrent(SyncOperation.ORDER_STATUS, required(body));
    OrderStatusChange request = reader.read(current, OrderStatusChange.class);
    IdempotencyKeys.check(
        SyncOperation.ORDER_STATUS,
        idempotencyKey,
        request.tenantId(),
        orderId,
        request.status(),
        request.version().toString());
    return answer(
        sync.changeOrderStatus(
            caller.partnerId(),
            idempotencyKey,
            orderId,
            request,
            ContractReader.fingerprint(current)));
  }

  @GET
  @Path("/requests/{requestId}")
  @RequiresScope({PartnerScopes.CUSTOMERS_WRITE, PartnerScopes.ORDERS_WRITE})
  @SecurityRequirement(
      name = "partnerOAuth",
      scopes = {PartnerScopes.CUSTOMERS_WRITE, PartnerScopes.ORDERS_WRITE})
  @Operation(summary = "Follow a request accepted while the ERP was unavailable")
  @APIResponse(responseCode = "200", description = "OK")
  @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  public SyncResponses.RequestStatus queued(@PathParam("requestId") String requestId) {
    return ledger
        .pending(caller.partnerId(), requestId)
        .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, "No such request."));
  }

  private static JsonObject required(JsonObject body) {
    if (body == null) {
      throw new ProblemException(ErrorCode.MALFORMED_REQUEST, "A JSON object body is required.");
    }
    return body;
  }

  private Response answer(SyncResult result) {
    Response.ResponseBuilder response =
        Response.status(result.status())
            .entity(result.body())
            .type(result.status() == 422 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON);
    if (result.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    if (result.status() == 202) {
      try (JsonReader reader = JSON.createReader(new StringReader(result.body()))) {
        // statusUrl is an absolute path; resolving it replaces the /api/ base path.
        response.location(uriInfo.getBaseUri().resolve(reader.readObject().getString("statusUrl")));
      }
    }
    return response.build();
  }
}
