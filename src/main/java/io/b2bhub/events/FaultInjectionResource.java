package io.b2bhub.events;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators rehearse failures of the event path; refused in the production profile. */
@Path("/v1/admin/faults/outbox-relay")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Events (operators)")
@SecurityRequirement(name = "operatorBasic")
public class FaultInjectionResource {
  @Inject RelayFaults faults;

  @Inject
  @ConfigProperty(name = "b2bhub.profile", defaultValue = "sandbox")
  String profile;

  /**
   * How many of the next relay batches stop between send and mark, and which queues refuse messages
   * as a full queue does (none when absent).
   */
  public record RelayFault(
      @NotNull @Min(0) @Max(100) Integer crashAfterSendBatches, List<String> refusingQueues) {}

  @GET
  @Operation(summary = "The armed outbox relay faults")
  @APIResponse(responseCode = "200", description = "OK")
  public RelayFault current() {
    requireSandbox();
    return new RelayFault(
        faults.crashesAfterSend(),
        faults.refusedDestinations().stream().map(EventDestination::queueName).sorted().toList());
  }

  @PUT
  @Operation(
      summary = "Make the outbox relay stop between send and mark, or a queue refuse messages",
      description =
          "The next N batches are handed to JMS but not marked sent, as if the server died in"
              + " between: they are sent again and the consumers' inboxes absorb the duplicates."
              + " The queues named in refusingQueues refuse every message as a full queue does,"
              + " until the fault is put again without them. Sandbox profile only.")
  @APIResponse(responseCode = "200", description = "Armed")
  public RelayFault arm(@NotNull @jakarta.validation.Valid RelayFault fault) {
    requireSandbox();
    Set<EventDestination> refusing = EnumSet.noneOf(EventDestination.class);
    for (String queue :
        fault.refusingQueues() == null ? List.<String>of() : fault.refusingQueues()) {
      refusing.add(
          EventDestination.byQueueName(queue)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ErrorCode.INVALID_PARAMETER, "No event queue is called " + queue + ".")));
    }
    faults.crashAfterSend(fault.crashAfterSendBatches());
    faults.refuse(refusing);
    return current();
  }

  private void requireSandbox() {
    if ("production".equals(profile)) {
      throw new ProblemException(ErrorCode.NOT_FOUND, "Fault injection is off in production.");
    }
  }
}
