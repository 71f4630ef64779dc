package io.b2bhub.files;

import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.CorrelationContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Looks at one partner's inbox and decides, file by file, what happens: wait (still uploading, or
 * its sidecars are not there yet), reject (bad name, checksum, manifest), ignore as a duplicate, or
 * accept: the file set moves to the hub's work area and its job starts.
 */
@ApplicationScoped
public class InboxIntake {
  private static final Logger LOG = Logger.getLogger(InboxIntake.class.getName());

  @Inject PartnerFolders folders;
  @Inject FileSettings settings;
  @Inject FileTransfers transfers;
  @Inject FileOutcomes outcomes;
  @Inject FileJobs jobs;
  @Inject Alerts alerts;
  @Inject OpenUploads openUploads;
  @Inject PartnerPgpKeys pgpKeys;
  @Inject HubPgpKey hubKey;
  @Inject Clock clock;

  /** Handles what is in the partner's inbox now; returns how many files it started or ended. */
  public int scan(String partnerId) {
    Path inbox = folders.folder(partnerId, PartnerFolders.INBOX);
    List<Path> entries;
    try (Stream<Path> listing = Files.list(inbox)) {
      entries = listing.sorted().toList();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Inbox of partner " + partnerId + " cannot be read", e);
      return 0;
    }
    int handled = 0;
    for (Path entry : entries) {
      try {
        if (handle(partnerId, inbox, entry)) {
          handled++;
        }
      } catch (NoSuchFileException e) {
        // taken by another server's scan, or removed by the partner meanwhile
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Inbox file of partner " + partnerId + " not handled yet", e);
      }
    }
    return handled;
  }

  private boolean handle(String partnerId, Path inbox, Path entry) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      return false;
    }
    String fileName = entry.getFileName().toString();
    Duration age = Duration.between(attributes.lastModifiedTime().toInstant(), Instant.now(clock));
    if (IncomingFileName.isTemporary(fileName)) {
      if (age.compareTo(settings.partialUploadMaxAge()) > 0) {
        Files.deleteIfExists(entry);
        outcomes.audited(partnerId, "file.partial-upload-removed", "UPLOAD_INCOMPLETE", "sftp");
      }
      return false;
    }
    if (IncomingFileName.isSidecar(fileName)) {
      if (age.compareTo(settings.partialUploadMaxAge()) > 0) {
        // A checksum or manifest whose data file never came: kept in error/, not deleted.
        FileMoves.moveIfPresent(entry, folders.folder(partnerId, PartnerFolders.ERROR), fileName);
        outcomes.audited(
            partnerId, "file.orphan-sidecar " + fileName, "SIDECAR_WITHOUT_FILE", "sftp");
      }
      return false;
    }
    if (openUploads.isOpen(partnerId, fileName)) {
      return false;
    }
    try (CorrelationContext.Scope scope = CorrelationContext.bindNew("file")) {
      return arrive(partnerId, inbox, entry, fileName, age, CorrelationContext.current());
    }
  }

  private boolean arrive(
      String partnerId, Path inbox, Path data, String fileName, Duration age, String correlationId)
      throws IOException {
    Optional<IncomingFileName> parsed = IncomingFileName.parse(fileName, partnerId);
    FileSet files = sidecarsOf(inbox, data, fileName);
    if (parsed.isEmpty()) {
      outcomes.rejectArrival(
          partnerId,
          null,
          files,
          FileOutcomes.Rejection.of(
              FileRejectionCode.FILE_NAME_INVALID,
              "expected partner_flow_YYYYMMDDThhmmssZ_seq.ext (the partner prefix may be left out)"),
          correlationId);
      return true;
    }
    IncomingFileName name = parsed.get();
    Optional<FileJobs.FlowJob> flow = jobs.forFlow(name.flow(), name.extension());
    if (flow.isEmpty()) {
      outcomes.rejectArrival(
          partnerId,
          name,
          files,
          FileOutcomes.Rejection.of(
              FileRejectionCode.FLOW_UNSUPPORTED,
              "no flow \""
                  + name.flow()
                  + "\" for ."
                  + name.extension()
                  + " files; supported: "
                  + jobs.supportedFlows()),
          correlationId);
      return true;
    }
    if (transfers.loading(partnerId, name.flow())) {
      return false;
    }
    boolean waiting = age.compareTo(settings.sidecarWait()) < 0;
    if (files.checksum() == null || files.manifest() == null) {
      if (waiting) {
        return false;
      }
      FileRejectionCode code =
          files.checksum() == null
              ? FileRejectionCode.CHECKSUM_MISSING
              : FileRejectionCode.MANIFEST_MISSING;
      String missing = files.checksum() == null ? fileName + ".sha256" : "manifest.json";
      outcomes.rejectArrival(
          partnerId,
          name,
          files,
          FileOutcomes.Rejection.of(
              code,
              missing + " did not arrive within " + settings.sidecarWait().toSeconds() + " s"),
          correlationId);
      return true;
    }
    String actual = FileMoves.sha256(data);
    Optional<FileOutcomes.Rejection> problem = integrityProblem(files, name, actual);
    if (problem.isPresent()) {
      outcomes.rejectArrival(partnerId, name, files, problem.get(), correlationId);
      return true;
    }
    Optional<PartnerPgpKeys.PgpProfile> pgp = pgpKeys.of(partnerId);
    if (!name.encrypted() && pgp.map(PartnerPgpKeys.PgpProfile::requireEncryption).orElse(false)) {
      outcomes.rejectArrival(
          partnerId,
          name,
          files,
          FileOutcomes.Rejection.of(
              FileRejectionCode.ENCRYPTION_REQUIRED,
              "this partner's files must be OpenPGP-encrypted to the hub's key (name.csv.pgp)"),
          correlationId);
      return true;
    }
    Path plaintext = null;
    if (name.encrypted()) {
      PgpOpening opening = decrypt(partnerId, data, pgp);
      if (opening.rejection() != null) {
        outcomes.rejectArrival(partnerId, name, files, opening.rejection(), correlationId);
        return true;
      }
      plaintext = opening.plaintext();
    }
    Optional<String> holder = transfers.holderOf(partnerId, name.flow(), name.sequence());
    if (holder.isPresent()) {
      outcomes.ignoreDuplicate(partnerId, name, files, holder.get(), correlationId);
      return true;
    }
    FileManifest manifest =
        ((FileManifest.Reading.Read) FileManifest.read(files.manifest())).manifest();
    long last = transfers.lastSequence(partnerId, name.flow());
    if (last > 0 && name.sequence() > last + 1) {
      alerts.raise(
          "FILE_SEQUENCE_GAP",
          partnerId,
          "flow "
              + name.flow()
              + ": sequence "
              + name.sequence()
              + " arrived after "
              + last
              + "; "
              + (name.sequence() - last - 1)
              + " missing");
    }
    FileTransfer transfer =
        transfers.receive(
            partnerId, name, actual, Files.size(data), manifest.records(), correlationId);
    Path work = folders.workOf(partnerId, transfer.transferId());
    Files.createDirectories(work);
    for (Path file : files.present()) {
      FileMoves.moveInto(work, file, files.targetName(file));
    }
    if (plaintext != null) {
      Files.move(plaintext, work.resolve(JobTransfer.plaintextName(fileName)));
      FileWork.remove(plaintext.getParent());
    }
    jobs.start(flow.get(), transfer);
    return true;
  }

  /** A decrypted file waiting to join its transfer, or why it could not be opened. */
  private record PgpOpening(Path plaintext, FileOutcomes.Rejection rejection) {}

  private PgpOpening decrypt(
      String partnerId, Path encrypted, Optional<PartnerPgpKeys.PgpProfile> profile)
      throws IOException {
    Path staging = folders.workOf(partnerId, "decrypting-" + java.util.UUID.randomUUID());
    Files.createDirectories(staging);
    Path plaintext = staging.resolve("plaintext");
    OpenPgp.Signature signature;
    try (var in = Files.newInputStream(encrypted);
        var out = new java.io.BufferedOutputStream(Files.newOutputStream(plaintext), 256 * 1024)) {
      signature =
          OpenPgp.decrypt(
              in,
              out,
              hubKey.secretKeys(),
              hubKey.passphrase(),
              profile.map(PartnerPgpKeys.PgpProfile::key).orElse(null));
    } catch (OpenPgp.NotDecryptable e) {
      FileWork.remove(staging);
      return new PgpOpening(
          null, FileOutcomes.Rejection.of(FileRejectionCode.DECRYPTION_FAILED, e.getMessage()));
    }
    if (profile.isPresent() && signature != OpenPgp.Signature.VALID) {
      FileWork.remove(staging);
      return new PgpOpening(
          null,
          FileOutcomes.Rejection.of(
              FileRejectionCode.PGP_SIGNATURE_INVALID,
              signature == OpenPgp.Signature.ABSENT
                  ? "the file is not signed; sign it with the key registered for this partner ("
                      + profile.get().fingerprint()
                      + ")"
                  : "the signature does not verify with the key registered for this partner ("
                      + profile.get().fingerprint()
                      + ")"));
    }
    return new PgpOpening(plaintext, null);
  }

  private Optional<FileOutcomes.Rejection> integrityProblem(
      FileSet files, IncomingFileName name, String actual) throws IOException {
    String declared = checksumIn(files.checksum());
    if (declared == null) {
      return Optional.of(
          FileOutcomes.Rejection.of(
              FileRejectionCode.CHECKSUM_MISSING,
              files.checksum().getFileName() + " holds no SHA-256 (64 hex digits)"));
    }
    if (!declared.equals(actual)) {
      return Optional.of(
          FileOutcomes.Rejection.of(
              FileRejectionCode.CHECKSUM_MISMATCH,
              "the file's SHA-256 is " + actual + ", its .sha256 says " + declared));
    }
    FileManifest.Reading reading = FileManifest.read(files.manifest());
    if (reading instanceof FileManifest.Reading.Invalid invalid) {
      return Optional.of(
          new FileOutcomes.Rejection(
              FileRejectionCode.MANIFEST_INVALID,
              invalid.reasons().stream().map(r -> new LineError(0, "manifest", r)).toList(),
              invalid.reasons().size(),
              null,
              java.util.Map.of(),
              java.util.Map.of()));
    }
    FileManifest manifest = ((FileManifest.Reading.Read) reading).manifest();
    if (!manifest.file().equals(name.fileName())) {
      return Optional.of(
          FileOutcomes.Rejection.of(
              FileRejectionCode.MANIFEST_MISMATCH,
              "the manifest describes " + manifest.file() + ", not " + name.fileName()));
    }
    if (!manifest.sha256().equals(actual)) {
      return Optional.of(
          FileOutcomes.Rejection.of(
              FileRejectionCode.CHECKSUM_MISMATCH,
              "the file's SHA-256 is " + actual + ", its manifest says " + manifest.sha256()));
    }
    return Optional.empty();
  }

  /** The digest in a .sha256 sidecar: bare, or as sha256sum prints it ("hex name"). */
  private static String checksumIn(Path sidecar) throws IOException {
    if (Files.size(sidecar) > 4096) {
      return null;
    }
    String text = Files.readString(sidecar, StandardCharsets.UTF_8).strip();
    String digest = text.split("\\s+", 2)[0].toLowerCase();
    return digest.matches("[0-9a-f]{64}") ? digest : null;
  }

  /**
   * The sidecars of a data file: {@code <file>.sha256}, and {@code <file>.manifest.json} or a
   * {@code manifest.json} that names the file.
   */
  private static FileSet sidecarsOf(Path inbox, Path data, String fileName) throws IOException {
    Path checksum = existing(inbox.resolve(fileName + ".sha256"));
    Path manifest = existing(inbox.resolve(fileName + ".manifest.json"));
    if (manifest == null) {
      Path shared = existing(inbox.resolve("manifest.json"));
      if (shared != null
          && FileManifest.read(shared) instanceof FileManifest.Reading.Read read
          && fileName.equals(read.manifest().file())) {
        manifest = shared;
      }
    }
    Path signature = existing(inbox.resolve(fileName + ".sig"));
    return new FileSet(fileName, data, checksum, manifest, signature);
  }

  private static Path existing(Path path) {
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? path : null;
  }
}
