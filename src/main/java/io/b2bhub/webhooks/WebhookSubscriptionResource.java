package io.b2bhub.webhooks;

import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators manage partners' webhook subscriptions and see their deliveries. */
@Path("/v1/admin/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Webhooks (operators)")
@SecurityRequirement(name = "operatorBasic")
public class WebhookSubscriptionResource {
  @Inject WebhookSubscriptions subscriptions;
  @Context SecurityContext security;

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @POST
  @Operation(
      summary = "Subscribe a partner's endpoint to hub events",
      description =
          "eventTypes: hub event types (or *). The partner receives events of its own tenants"
              + " only. headerStyle HUB (X-Signature) or STANDARD (Standard Webhooks). The"
              + " signing secret is shown once.")
  @APIResponse(responseCode = "201", description = "Created, with its secret")
  @APIResponse(responseCode = "422", description = "WEBHOOK_ENDPOINT_REFUSED")
  public Response create(@NotNull WebhookSubscriptions.NewSubscription request) {
    return Response.status(201).entity(subscriptions.create(request, operator())).build();
  }

  @GET
  @Operation(summary = "Subscriptions, optionally of one partner")
  @APIResponse(responseCode = "200", description = "OK")
  public List<WebhookSubscription.SubscriptionView> list(
      @QueryParam("partnerId") String partnerId) {
    return subscriptions.list(partnerId);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One subscription and its endpoint's health")
  @APIResponse(responseCode = "200", description = "OK")
  public WebhookSubscription.SubscriptionView get(@PathParam("id") String id) {
    return subscriptions.get(id);
  }

  @POST
  @Path("/{id}/pause")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Hold deliveries; what arrives meanwhile waits")
  @APIResponse(responseCode = "200", description = "Paused")
  public WebhookSubscription.SubscriptionView pause(@PathParam("id") String id) {
    return subscriptions.pause(id, operator());
  }

  @POST
  @Path("/{id}/resume")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Deliver again (after a pause or a disable)",
      description = "replayMissed=true delivers what arrived meanwhile; otherwise it is SKIPPED.")
  @APIResponse(responseCode = "200", description = "Active")
  public WebhookSubscription.SubscriptionView resume(
      @PathParam("id") String id, @QueryParam("replayMissed") boolean replayMissed) {
    return subscriptions.resume(id, replayMissed, operator());
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Rotate the signing secret",
      description =
          "Deliveries carry signatures with both secrets until the overlap (ISO-8601, default"
              + " PT24H) ends. The new secret is shown once.")
  @APIResponse(responseCode = "200", description = "Rotated")
  public WebhookSubscriptions.WithSecret rotate(
      @PathParam("id") String id, @QueryParam("overlap") String overlap) {
    return subscriptions.rotateSecret(id, QueryParameters.duration("overlap", overlap), operator());
  }

  @POST
  @Path("/{id}/test")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Send webhook.test events to this endpoint",
      description = "count (1 to 10,000, default 1) test events, to check or load an endpoint.")
  @APIResponse(responseCode = "202", description = "Queued")
  public Response test(
      @PathParam("id") String id, @QueryParam("count") @DefaultValue("1") int count) {
    return Response.accepted(subscriptions.sendTest(id, count, operator())).build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(summary = "Deliveries to this endpoint, newest first, optionally in one state")
  @APIResponse(responseCode = "200", description = "OK")
  public List<WebhookDelivery.DeliveryView> deliveries(
      @PathParam("id") String id,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit) {
    subscriptions.get(id);
    var query =
        state == null
            ? em.createNamedQuery("WebhookDelivery.findBySubscription", WebhookDelivery.class)
            : em.createNamedQuery(
                    "WebhookDelivery.findBySubscriptionAndState", WebhookDelivery.class)
                .setParameter(
                    "state",
                    QueryParameters.enumValue("state", state, WebhookDelivery.State.class));
    return query
        .setParameter("subscriptionId", id)
        .setMaxResults(QueryParameters.limit(limit, 100))
        .getResultStream()
        .map(WebhookDelivery::view)
        .toList();
  }

  private String operator() {
    return security.getUserPrincipal().getName();
  }
}
