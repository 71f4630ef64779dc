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

  /** How many of the next relay batches stop between send and mark. */
  public record RelayFault(@NotNull @Min(0) @Max(100) Integer crashAfterSendBatches) {}

  @GET
  @Operation(summary = "The armed outbox relay faults")
  @APIResponse(responseCode = "200", description = "OK")
  public RelayFault current() {
    requireSandbox();
    return new RelayFault(faults.crashesAfterSend());
  }

  @PUT
  @Operation(
      summary = "Make the outbox relay stop between send and mark",
      description =
          "The next N batches are handed to JMS but not marked sent, as if the server died in"
              + " between: they are sent again and the consumers' inboxes absorb the duplicates."
              + " Sandbox profile only.")
  @APIResponse(responseCode = "200", description = "Armed")
  public RelayFault arm(@NotNull @jakarta.validation.Valid RelayFault fault) {
    requireSandbox();
    faults.crashAfterSend(fault.crashAfterSendBatches());
    return fault;
  }

  private void requireSandbox() {
    if ("production".equals(profile)) {
      throw new ProblemException(ErrorCode.NOT_FOUND, "Fault injection is off in production.");
    }
  }
}
