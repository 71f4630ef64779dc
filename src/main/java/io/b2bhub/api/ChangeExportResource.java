package io.b2bhub.api;

import io.b2bhub.partners.CallingPartner;
import io.b2bhub.partners.FieldMapping;
import io.b2bhub.partners.PartnerFieldMappings;
import io.b2bhub.partners.PartnerScopes;
import io.b2bhub.partners.RequiresScope;
import io.b2bhub.platform.CursorCodec;
import io.b2bhub.platform.KeysetPosition;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The export pull (seed B-001): a partner's orders and customers changed since a time, oldest
 * change first, a page at a time with an opaque cursor. Fields follow the partner's field mapping.
 */
// One instance serves every request: building a resource per call was a visible share of the hot
// path.
@ApplicationScoped
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export", description = "Changed orders and customers, with stable cursors.")
@APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class ChangeExportResource {
  // Json.* looks the provider up on every call; hot paths keep one.
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final String SINCE = "ISO-8601 UTC time; only changes at or after it.";
  private static final String CURSOR = "nextCursor of the previous page; omit for the first page.";
  private static final String LIMIT = "Page size, 1 to 500 (default 100).";

  @Inject ChangeExport export;
  @Inject CursorCodec cursors;
  @Inject CallingPartner caller;
  @Inject PartnerFieldMappings mappings;

  @GET
  @Path("/orders")
  @RequiresScope(PartnerScopes.ORDERS_READ)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.ORDERS_READ)
  @Operation(
      summary = "Orders changed since a time",
      description =
          "Ordered by (updatedAt, id). A change appears once it is older than the settle window"
              + " (2 s by default); paging never skips or repeats a change, also while orders are"
              + " being written. An order changed again later appears again, with its new state.")
  @APIResponse(
      responseCode = "200",
      description =
          "One page; follow nextCursor while hasMore; keep the last nextCursor to poll later")
  public JsonObject orders(
      @Parameter(description = SINCE) @QueryParam("changed_since") String changedSince,
      @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(description = LIMIT) @QueryParam("limit") String limit) {
    return page(ExportFlows.ORDERS, changedSince, cursor, limit, export::orders);
  }

  @GET
  @Path("/customers")
  @RequiresScope(PartnerScopes.CUSTOMERS_READ)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.CUSTOMERS_READ)
  @Operation(
      summary = "Customers changed since a time",
      description = "Same ordering and cursor rules as the order export; ids and versions only.")
  @APIResponse(
      responseCode = "200",
      description =
          "One page; follow nextCursor while hasMore; keep the last nextCursor to poll later")
  public JsonObject customers(
      @Parameter(description = SINCE) @QueryParam("changed_since") String changedSince,
      @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(description = LIMIT) @QueryParam("limit") String limit) {
    return page(ExportFlows.CUSTOMERS, changedSince, cursor, limit, export::customers);
  }

  private <T> JsonObject page(
      String flow, String changedSince, String cursor, String limit, Reader<T> reader) {
    String partnerId = caller.partnerId();
    String cursorScope = flow + ":" + partnerId;
    PageRequest request =
        new PageRequest(cursors.decode(cursorScope, cursor), QueryParameters.limit(limit, 100));
    Page<T> page =
        reader.read(partnerId, QueryParameters.utcTime("changed_since", changedSince), request);
    FieldMapping mapping = mappings.mappingFor(partnerId, flow);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    toJson(page.items()).forEach(item -> items.add(mapping.apply(item.asJsonObject())));
    JsonObjectBuilder body =
        JSON.createObjectBuilder().add("items", items).add("hasMore", page.next() != null);
    // A change feed never ends: the last page still says where to resume once more has changed.
    KeysetPosition resume = page.last() != null ? page.last() : request.after();
    String next = cursors.encode(cursorScope, resume);
    if (next != null) {
      body.add("nextCursor", next);
    }
    return body.build();
  }

  /** One JSON-B pass for the whole page; the mapping then works on JSON-P objects. */
  private static JsonArray toJson(List<?> items) {
    try (JsonReader reader = JSON.createReader(new StringReader(JSONB.toJson(items)))) {
      return reader.readArray();
    }
  }

  /** One of ChangeExport's readers. */
  @FunctionalInterface
  interface Reader<T> {
    Page<T> read(String partnerId, OffsetDateTime changedSince, PageRequest page);
  }
}
