package io.b2bhub.events;

import io.b2bhub.partners.CallingPartner;
import io.b2bhub.partners.PartnerScopes;
import io.b2bhub.partners.RequiresScope;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webshop hands its events to the hub over HTTP: one envelope or a batch. 202 means every event
 * of the call is durably in the outbox; a batch is accepted whole or not at all.
 */
// One instance serves every request: building a resource per call was a visible share of the hot
// path.
@ApplicationScoped
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Webshop events into the hub (CloudEvents JSON envelope).")
@APIResponse(responseCode = "400", ref = "#/components/responses/ValidationFailed")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class EventIngestResource {
  static final int MAX_BATCH = 500;

  @Inject EventSchemas schemas;
  @Inject EventIngest ingest;
  @Inject CallingPartner caller;

  @POST
  @RequiresScope(PartnerScopes.EVENTS_WRITE)
  @SecurityRequirement(name = "partnerOAuth", scopes = PartnerScopes.EVENTS_WRITE)
  @Operation(
      summary = "Hand webshop events to the hub",
      description =
          "A single envelope or an array of up to 500. Each is checked against the envelope and"
              + " its type's JSON Schema (docs/events/); any invalid event refuses the whole call"
              + " with a pointer per problem. An id accepted before is acknowledged again as a"
              + " duplicate and not stored twice.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "order.created.v1",
                      value =
                          "{\"specversion\":\"1.0\",\"id\":\"evt-1001\",\"type\":\"order.created.v1\","
                              + "\"source\":\"/webshop\",\"time\":\"2026-11-21T10:00:00Z\","
                              + "\"datacontenttype\":\"application/json\",\"tenantid\":\"shop-eu\","
                              + "\"data\":{\"orderId\":\"o-1001\",\"version\":1,"
                              + "\"customerRef\":\"c-1001\",\"currency\":\"EUR\",\"lines\":[{\"sku\":"
                              + "\"SKU-1\",\"quantity\":2,\"unitPriceMinor\":1250,\"lineTotalMinor\":"
                              + "2500}],\"totals\":{\"netMinor\":2500,\"taxMinor\":475,"
                              + "\"grossMinor\":2975}}}")))
  @APIResponse(responseCode = "202", description = "Every event is durably accepted")
  public Response ingest(JsonValue body) {
    List<JsonObject> events = events(body);
    List<Problem.FieldError> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String prefix = body instanceof JsonArray ? "/" + i : "";
      schemas.problems(events.get(i)).stream()
          .map(p -> new Problem.FieldError(prefix + p.pointer(), p.reason()))
          .forEach(problems::add);
      if (events.get(i).containsKey(EventEnvelope.REQUEST_ID)) {
        problems.add(
            new Problem.FieldError(
                prefix + "/" + EventEnvelope.REQUEST_ID, "is set by the hub only"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, problems.size() + " problem(s) in the event(s).", problems);
    }
    List<EventEnvelope> envelopes =
        events.stream().map(e -> EventEnvelope.of(e, CorrelationContext.current())).toList();
    return Response.accepted(ingest.accept(caller.partnerId(), envelopes)).build();
  }

  private static List<JsonObject> events(JsonValue body) {
    if (body instanceof JsonObject single) {
      return List.of(single);
    }
    if (body instanceof JsonArray batch
        && !batch.isEmpty()
        && batch.size() <= MAX_BATCH
        && batch.stream().allMatch(JsonObject.class::isInstance)) {
      return batch.getValuesAs(JsonObject.class);
    }
    throw new ProblemException(
        ErrorCode.VALIDATION_FAILED,
        "The body must be an event envelope or an array of 1 to " + MAX_BATCH + " envelopes.");
  }
}
