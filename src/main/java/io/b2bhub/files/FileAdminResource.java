package io.b2bhub.files;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators see the SFTP endpoint (with the host key partners pin) and every file transfer: its
 * status, control totals, errors and the batch job execution that loaded it.
 */
@Path("/v1/admin/files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("hub-admin")
@Tag(name = "Admin: files")
@SecurityRequirement(name = "operatorBasic")
public class FileAdminResource {
  @Inject HostedSftpServer sftp;
  @Inject FileTransfers transfers;
  @Inject InventoryLoadLedger ledger;
  @Inject HubPgpKey hubKey;

  @GET
  @Path("/sftp")
  @Operation(summary = "The hosted SFTP endpoint and its host key fingerprint (SHA256)")
  @APIResponse(responseCode = "200", description = "OK")
  public HostedSftpServer.SftpEndpoint endpoint() {
    return sftp.endpoint();
  }

  @GET
  @Path("/pgp-public-key")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "The hub's OpenPGP public key: partners encrypt their files to it")
  @APIResponse(responseCode = "200", description = "Armored public key")
  public String pgpPublicKey() {
    return hubKey.publicKey();
  }

  @GET
  @Path("/transfers")
  @Operation(summary = "A partner's file transfers, newest first")
  @APIResponse(responseCode = "200", description = "OK")
  public List<FileTransfer.FileTransferView> transfers(
      @QueryParam("partnerId") String partnerId, @QueryParam("limit") String limit) {
    if (partnerId == null || partnerId.isBlank()) {
      throw new ProblemException(ErrorCode.INVALID_PARAMETER, "partnerId is required");
    }
    return transfers.recent(partnerId, QueryParameters.limit(limit, 100));
  }

  @GET
  @Path("/inventory/{partnerId}")
  @Operation(
      summary = "A partner's loaded stock levels in total",
      description = "Rows and summed quantity, overall or for one transfer: the control totals.")
  @APIResponse(responseCode = "200", description = "OK")
  public InventoryLoadLedger.InventoryTotals inventory(
      @PathParam("partnerId") String partnerId, @QueryParam("transferId") String transferId) {
    return ledger.totals(partnerId, transferId);
  }

  @GET
  @Path("/transfers/{transferId}")
  @Operation(summary = "One file transfer")
  @APIResponse(responseCode = "200", description = "OK")
  @APIResponse(responseCode = "404", description = "No such transfer")
  public FileTransfer.FileTransferView transfer(@PathParam("transferId") String transferId) {
    return transfers
        .find(transferId)
        .map(FileTransfer::view)
        .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, "No such transfer"));
  }
}
