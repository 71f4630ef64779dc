package io.b2bhub.files;

import io.b2bhub.platform.CorrelationContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Files the hub produces for a partner: named like partners' own files ({@code
 * partner_flow_YYYYMMDDThhmmssZ_seq.ext}, sequence per partner and flow), with a .sha256 and a
 * manifest, written atomically into the partner's outbox/. If the partner hosts an SFTP server, the
 * file is also queued for a push there (file.transfer retry policy).
 */
@ApplicationScoped
public class OutboundFiles {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject PartnerFolders folders;
  @Inject PartnerSftpTargets targets;
  @Inject Clock clock;

  @Transactional
  public FileTransfer.FileTransferView publish(
      String partnerId,
      String flow,
      String extension,
      byte[] content,
      long records,
      Map<String, Long> sums) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    Long last =
        em.createNamedQuery("FileTransfer.lastOutboundSequence", Long.class)
            .setParameter("partnerId", partnerId)
            .setParameter("flow", flow)
            .getSingleResult();
    long sequence = last == null ? 1 : last + 1;
    String name =
        partnerId
            + "_"
            + flow
            + "_"
            + STAMP.format(now)
            + "_"
            + String.format("%03d", sequence)
            + "."
            + extension;
    FileTransfer transfer =
        new FileTransfer(
            "OUT",
            partnerId,
            flow,
            name,
            sequence,
            FileTransferStatus.PUBLISHED,
            CorrelationContext.current(),
            now);
    String sha256 = platformSha256(content);
    transfer.describe(sha256, content.length, records);
    if (targets.of(partnerId).isPresent()) {
      transfer.pushDue(now);
    }
    em.persist(transfer);
    em.flush();
    Path outbox = folders.folder(partnerId, PartnerFolders.OUTBOX);
    try {
      FileMoves.writeAtomically(outbox, name, content);
      FileMoves.writeAtomically(
          outbox, name + ".sha256", (sha256 + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
      FileMoves.writeAtomically(
          outbox,
          name + ".manifest.json",
          manifest(name, records, sums, now, sha256).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return transfer.view();
  }

  static String manifest(
      String name, long records, Map<String, Long> sums, OffsetDateTime now, String sha256) {
    JsonObjectBuilder totals = Json.createObjectBuilder();
    sums.forEach(totals::add);
    return Json.createObjectBuilder()
        .add("file", name)
        .add("records", records)
        .add("sums", totals)
        .add("generated_at", now.toInstant().toString())
        .add("sha256", sha256)
        .add("schema_version", FileManifest.SUPPORTED_SCHEMA_VERSION)
        .build()
        .toString();
  }

  private static String platformSha256(byte[] content) {
    return io.b2bhub.platform.Hashes.sha256Hex(content);
  }
}
