package io.b2bhub.files;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data file's name, {@code partner_flow_YYYYMMDDThhmmssZ_seq.ext}. The partner prefix may be left
 * out (the SFTP root already says who sent it, as in {@code inventory_20250916T0200Z_001.csv}); if
 * present it must be the sender's id. Seconds in the timestamp are optional. An OpenPGP-encrypted
 * file carries {@code .pgp} (or {@code .gpg}) after its extension.
 */
public record IncomingFileName(
    String fileName,
    String flow,
    Instant generatedAt,
    long sequence,
    String extension,
    boolean encrypted) {
  private static final Pattern NAME =
      Pattern.compile(
          "^(?:(?<partner>[a-z0-9][a-z0-9_-]*)_)?(?<flow>[a-z][a-z0-9-]*)_"
              + "(?<ts>\\d{8}T\\d{4}(?:\\d{2})?Z)_(?<seq>\\d{1,12})\\.(?<ext>[a-z0-9]{1,8})(?<pgp>\\.(?:pgp|gpg))?$");
  private static final DateTimeFormatter WITH_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final DateTimeFormatter WITHOUT_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

  /** The parsed name, or empty when the name does not follow the convention for this partner. */
  public static Optional<IncomingFileName> parse(String fileName, String partnerId) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    String partner = m.group("partner");
    if (partner != null && !partner.equals(partnerId)) {
      return Optional.empty();
    }
    String ts = m.group("ts");
    Instant generatedAt;
    try {
      generatedAt =
          LocalDateTime.parse(ts, ts.length() == 16 ? WITH_SECONDS : WITHOUT_SECONDS)
              .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.of(
        new IncomingFileName(
            fileName,
            m.group("flow"),
            generatedAt,
            Long.parseLong(m.group("seq")),
            m.group("ext"),
            m.group("pgp") != null));
  }

  /** Names a client writes while uploading; they never count as arrived files. */
  public static boolean isTemporary(String fileName) {
    return fileName.startsWith(".")
        || fileName.endsWith(".part")
        || fileName.endsWith(".tmp")
        || fileName.endsWith(".filepart")
        || fileName.endsWith(".partial");
  }

  /** Sidecars travel with a data file and are never data files themselves. */
  public static boolean isSidecar(String fileName) {
    return fileName.endsWith(".sha256")
        || fileName.endsWith(".manifest.json")
        || fileName.equals("manifest.json")
        || fileName.endsWith(".sig")
        || fileName.endsWith(".asc");
  }
}
