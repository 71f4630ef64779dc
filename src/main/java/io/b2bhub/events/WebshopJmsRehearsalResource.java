package io.b2bhub.events;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sends a message to one of the hub's queues as the webshop's messaging user would, through the
 * engine's messaging security: for trying the JMS door without a webshop, and for proving that the
 * webshop's user may send to its intake queue and nowhere else. Refused in the production profile.
 */
@Path("/v1/admin/sandbox/webshop-jms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Events (operators)")
@SecurityRequirement(name = "operatorBasic")
public class WebshopJmsRehearsalResource {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(WebshopJmsRehearsalResource.class.getName());

  /** Signs in with the webshop's messaging user (authData webshopJmsAuth), never the hub's. */
  @Resource(lookup = "jms/b2bhub/webshopSandboxConnectionFactory")
  ConnectionFactory webshopConnectionFactory;

  @Inject
  @ConfigProperty(name = "b2bhub.profile", defaultValue = "sandbox")
  String profile;

  /** A text message for a queue of the hub's messaging engine. */
  public record Send(@NotBlank String queue, @NotNull String body, String correlationId) {}

  @POST
  @Operation(
      summary = "Send a message as the webshop's messaging user (sandbox only)",
      description =
          "The webshop's user may send to b2bhub.webshop.intake only; other queues answer 403.")
  @APIResponse(responseCode = "202", description = "The engine took the message")
  @APIResponse(responseCode = "403", description = "Messaging security refused the send")
  public Response send(@Valid @NotNull Send send) {
    if ("production".equals(profile)) {
      throw new ProblemException(ErrorCode.NOT_FOUND, "Sandbox tooling is off in production.");
    }
    try (JMSContext context = webshopConnectionFactory.createContext()) {
      Queue queue = context.createQueue(send.queue());
      var message = context.createTextMessage(send.body());
      if (send.correlationId() != null) {
        message.setStringProperty(JmsEventSender.CORRELATION_ID, send.correlationId());
      }
      context.createProducer().send(queue, message);
      return Response.accepted(Map.of("queue", send.queue(), "status", "SENT")).build();
    } catch (JMSSecurityRuntimeException e) {
      throw new ProblemException(
          ErrorCode.ACCESS_DENIED, "Messaging security refused the webshop's send.");
    } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
      LOG.info(() -> "The engine refused the webshop's send: " + causes(e));
      if (isSecurityRefusal(e)) {
        throw new ProblemException(
            ErrorCode.ACCESS_DENIED, "Messaging security refused the webshop's send.");
      }
      throw new ProblemException(
          ErrorCode.SERVICE_UNAVAILABLE, "The messaging engine did not take the message.");
    }
  }

  private static String causes(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
    }
    return chain.toString();
  }

  private static boolean isSecurityRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof jakarta.jms.JMSSecurityException
          || t instanceof JMSSecurityRuntimeException
          || t.getClass().getSimpleName().contains("NotAuthorized")
          || String.valueOf(t.getMessage()).contains("CWSIA0069E")) {
        return true;
      }
    }
    return false;
  }
}
