package io.b2bhub.ops;

import io.b2bhub.api.ChangeExport;
import io.b2bhub.api.ExportedOrder;
import io.b2bhub.files.FileTransfer;
import io.b2bhub.files.OutboundFiles;
import io.b2bhub.partners.FieldMapping;
import io.b2bhub.partners.PartnerFieldMappings;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The order export as a file: the partner's orders changed since a time, in the partner's field
 * mapping (the same as the pull API's), as CSV in its outbox/ with checksum and manifest, pushed to
 * its own SFTP server if it has one. Every integral column is a control sum in the manifest.
 */
@Path("/v1/admin/files/order-exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Admin: files")
@SecurityRequirement(name = "operatorBasic")
public class OrderExportFileResource {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject ChangeExport export;
  @Inject PartnerFieldMappings mappings;
  @Inject OutboundFiles outbound;

  @POST
  @Path("/{partnerId}")
  @Operation(
      summary = "Publish the partner's changed orders as a file",
      description = "changed_since: ISO-8601 UTC; all of the partner's orders when left out.")
  @APIResponse(responseCode = "201", description = "Published; the transfer")
  @APIResponse(responseCode = "204", description = "No order changed since then; no file")
  public Response publish(
      @PathParam("partnerId") String partnerId, @QueryParam("changed_since") String changedSince) {
    OffsetDateTime since = QueryParameters.utcTime("changed_since", changedSince);
    FieldMapping mapping = mappings.mappingFor(partnerId, "orders");
    List<JsonObject> rows = new ArrayList<>();
    PageRequest request = new PageRequest(null, PageRequest.MAX_LIMIT);
    while (true) {
      Page<ExportedOrder> page = export.orders(partnerId, since, request);
      page.items().forEach(order -> rows.add(mapping.apply(json(order))));
      if (page.next() == null) {
        break;
      }
      request = new PageRequest(page.next(), PageRequest.MAX_LIMIT);
    }
    if (rows.isEmpty()) {
      return Response.noContent().build();
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    Map<String, Long> sums = new LinkedHashMap<>();
    columns.forEach(c -> sums.put(c, 0L));
    for (JsonObject row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        JsonValue value = row.get(column);
        cells.add(cell(value));
        if (sums.containsKey(column)) {
          if (value instanceof JsonNumber n && n.isIntegral()) {
            sums.put(column, sums.get(column) + n.longValue());
          } else {
            sums.remove(column);
          }
        }
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    FileTransfer.FileTransferView file =
        outbound.publish(
            partnerId,
            "orders",
            "csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            rows.size(),
            sums);
    return Response.status(Response.Status.CREATED).entity(file).build();
  }

  private static JsonObject json(ExportedOrder order) {
    try (JsonReader reader = Json.createReader(new StringReader(JSONB.toJson(order)))) {
      return reader.readObject();
    }
  }

  /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
  private static String cell(JsonValue value) {
    String text =
        value == null || value.getValueType() == JsonValue.ValueType.NULL
            ? ""
            : value instanceof JsonString s ? s.getString() : value.toString();
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
