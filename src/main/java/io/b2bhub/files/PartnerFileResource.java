package io.b2bhub.files;

import io.b2bhub.partners.PartnerDirectory;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's file settings and outbound files: its OpenPGP key and policy, its own SFTP server for
 * pushes (host key pinned), and files published for it into outbox/ (and pushed there).
 */
@Path("/v1/admin/files/partners/{partnerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Admin: files")
@SecurityRequirement(name = "operatorBasic")
public class PartnerFileResource {
  @Inject PartnerDirectory partners;
  @Inject PartnerSftpTargets targets;
  @Inject OutboundFiles outbound;
  @Inject SftpPush push;
  @Inject PartnerPgpKeys pgpKeys;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @PUT
  @Path("/sftp-target")
  @Operation(
      summary = "Set the partner's own SFTP server for outbound pushes",
      description = "hostKey is the server's OpenSSH public key line; nothing else is accepted.")
  @APIResponse(responseCode = "200", description = "Saved")
  public PartnerSftpTargets.SftpTarget setTarget(
      @PathParam("partnerId") String partnerId,
      @Valid @NotNull PartnerSftpTargets.SftpTarget target) {
    return targets.register(partnerId, target);
  }

  @GET
  @Path("/sftp-client-key")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "The hub's SSH public key, for the partner's authorized_keys")
  @APIResponse(responseCode = "200", description = "OpenSSH public key line")
  @APIResponse(responseCode = "404", description = "No such partner (PARTNER_NOT_FOUND)")
  public String clientKey(@PathParam("partnerId") String partnerId) throws IOException {
    partners
        .find(partnerId)
        .orElseThrow(
            () ->
                new ProblemException(ErrorCode.PARTNER_NOT_FOUND, "No partner " + partnerId + "."));
    return push.clientPublicKey();
  }

  /** A file to publish: its flow, CSV content and control totals. */
  public record OutboundFile(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String flow,
      @NotBlank String content,
      @Min(0) long records,
      Map<String, Long> sums) {}

  @POST
  @Path("/outbound")
  @Operation(
      summary = "Publish a file for the partner",
      description =
          "Written to outbox/ as partner_flow_YYYYMMDDThhmmssZ_seq.csv with .sha256 and manifest;"
              + " pushed to the partner's SFTP server if one is set (file.transfer retry policy).")
  @APIResponse(responseCode = "201", description = "Published; the transfer")
  public Response publish(
      @PathParam("partnerId") String partnerId, @Valid @NotNull OutboundFile file) {
    FileTransfer.FileTransferView view =
        outbound.publish(
            partnerId,
            file.flow(),
            "csv",
            file.content().getBytes(StandardCharsets.UTF_8),
            file.records(),
            file.sums() == null ? Map.of() : file.sums());
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  /** A partner's PGP profile as operators register it. */
  public record PgpProfileRequest(@NotBlank String publicKey, boolean requireEncryption) {}

  @PUT
  @Path("/pgp")
  @Operation(
      summary = "Register a partner's OpenPGP public key",
      description =
          "Encrypted files from the partner must then be signed with this key;"
              + " with requireEncryption, unencrypted files are rejected (ENCRYPTION_REQUIRED).")
  @APIResponse(responseCode = "200", description = "The profile, by fingerprint")
  public PartnerPgpKeys.PgpProfileView registerPgpKey(
      @PathParam("partnerId") String partnerId, @Valid @NotNull PgpProfileRequest request) {
    PartnerPgpKeys.PgpProfileView view =
        pgpKeys.register(partnerId, request.publicKey(), request.requireEncryption());
    audit.record(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.ADMIN,
            partnerId,
            null,
            "files.pgp-key.register",
            AuditRecord.Outcome.SUCCEEDED,
            200,
            null,
            CorrelationContext.current(),
            null));
    return view;
  }
}
