package io.b2bhub.webhooks;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventSchemas;
import io.b2bhub.partners.WebhookSenderCheck;
import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.AuthenticatedBySignature;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Hashes;
import io.b2bhub.platform.PayloadSignature;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.RequestBoundaryFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partners push their events here (seed B-002, B-102). The signature is checked first, against the
 * partner's active webhook secrets and its timestamp window; nothing of an unsigned, tampered or
 * stale push is stored but its audit row, and failures raise an alert. A verified event is stored
 * durably and answered 202; its processing runs through the events machinery.
 */
// One instance serves every request: building a resource per call was a visible share of the hot
// path.
@ApplicationScoped
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event pushes from partners.")
public class WebhookReceiverResource {
  private static final Logger LOG = Logger.getLogger(WebhookReceiverResource.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();
  static final String SIGNATURE_ALERT = "WEBHOOK_SIGNATURE";

  @Inject WebhookSenderCheck senders;
  @Inject WebhookInboundSettings settings;
  @Inject WebhookInbox inbox;
  @Inject EventSchemas schemas;
  @Inject Alerts alerts;
  @Inject Clock clock;
  @Context HttpServletRequest servletRequest;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.inbound.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.inbound.alert-window", defaultValue = "PT10M")
  Duration alertWindow;

  @POST
  @Path("/{partnerId}")
  @Consumes(MediaType.WILDCARD)
  @AuthenticatedBySignature
  @Operation(
      summary = "Push a signed event",
      description =
          "The body is one v1 event envelope (docs/events). X-Signature: t=<unix seconds>,"
              + "v1=<hex HMAC-SHA256 of \"<t>.<raw body>\"> with one of the partner's webhook"
              + " secrets; t must be within the partner's window (600 s by default). The same"
              + " event again answers 200 with replayed=true and changes nothing.")
  @APIResponse(responseCode = "202", description = "Verified and durably accepted")
  @APIResponse(responseCode = "200", description = "A replay of an event already accepted")
  @APIResponse(responseCode = "400", description = "Not a valid v1 event")
  @APIResponse(responseCode = "401", description = "SIGNATURE_INVALID or SIGNATURE_EXPIRED")
  @APIResponse(responseCode = "403", description = "PARTNER_SUSPENDED or IP_NOT_ALLOWED")
  @APIResponse(responseCode = "409", description = "EVENT_ID_REUSED")
  @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
  public Response receive(
      @PathParam("partnerId") String partnerId,
      @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256>")
          @HeaderParam(PayloadSignature.HEADER)
          String signature,
      byte[] body) {
    if (body.length > maxBodyBytes) {
      throw new ProblemException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "A webhook body may have at most " + maxBodyBytes + " bytes.");
    }
    List<String> secrets = verifiedSecrets(partnerId);
    PayloadSignature.Verdict verdict =
        PayloadSignature.verify(
            signature, body, secrets, settings.window(partnerId), clock.instant());
    if (verdict != PayloadSignature.Verdict.VALID) {
      refuseSignature(partnerId, verdict);
    }
    JsonObject json = parse(body);
    // The parsed JSON written out again: a resend that only differs in whitespace is the same.
    String canonical = json.toString();
    validate(json, canonical);
    EventEnvelope event = EventEnvelope.of(json, CorrelationContext.current());
    WebhookInbox.Receipt receipt =
        inbox.receive(
            new WebhookInbox.Push(
                partnerId,
                event,
                Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)),
                RequestBoundaryFilter.auditOf(servletRequest, 202, clock),
                RequestBoundaryFilter.auditOf(servletRequest, 200, clock)));
    // Its audit row committed with the event.
    RequestBoundaryFilter.markAudited(servletRequest);
    var answer =
        JSON.createObjectBuilder()
            .add("eventId", event.id())
            .add("replayed", receipt == WebhookInbox.Receipt.REPLAYED)
            .build();
    return Response.status(receipt == WebhookInbox.Receipt.REPLAYED ? 200 : 202)
        .entity(answer)
        .build();
  }

  private List<String> verifiedSecrets(String partnerId) {
    WebhookSenderCheck.Verdict sender = senders.check(partnerId, servletRequest.getRemoteAddr());
    if (sender instanceof WebhookSenderCheck.Verdict.Allowed allowed) {
      return allowed.secrets();
    }
    if (sender instanceof WebhookSenderCheck.Verdict.Suspended) {
      throw new ProblemException(ErrorCode.PARTNER_SUSPENDED, "The partner is suspended.");
    }
    if (sender instanceof WebhookSenderCheck.Verdict.AddressNotAllowed) {
      throw new ProblemException(
          ErrorCode.IP_NOT_ALLOWED, "Calls from this address are not in the partner's allowlist.");
    }
    // An unknown partner is answered like a wrong signature, so partner ids cannot be probed.
    return List.of();
  }

  private void refuseSignature(String partnerId, PayloadSignature.Verdict verdict) {
    LOG.warning(() -> "Webhook from " + partnerId + " refused: signature " + verdict);
    alerts.raiseOrCount(
        SIGNATURE_ALERT,
        partnerId,
        "Webhook pushes from " + partnerId + " refused: signature " + verdict,
        alertWindow);
    if (verdict == PayloadSignature.Verdict.EXPIRED) {
      throw new ProblemException(
          ErrorCode.SIGNATURE_EXPIRED,
          "The signature's timestamp is outside the allowed window; sign at send time.");
    }
    throw new ProblemException(
        ErrorCode.SIGNATURE_INVALID,
        "X-Signature is missing or does not match the body under the partner's secret.");
  }

  private static JsonObject parse(byte[] body) {
    try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ProblemException(ErrorCode.MALFORMED_REQUEST, "The body is not a JSON object.");
    }
  }

  private void validate(JsonObject json, String canonical) {
    List<Problem.FieldError> problems = new ArrayList<>(schemas.problems(json, canonical));
    if (json.containsKey(EventEnvelope.REQUEST_ID)) {
      problems.add(
          new Problem.FieldError("/" + EventEnvelope.REQUEST_ID, "is set by the hub only"));
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, problems.size() + " problem(s) in the event.", problems);
    }
  }
}
