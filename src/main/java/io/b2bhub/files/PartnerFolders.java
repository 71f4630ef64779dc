package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file layout: each partner's SFTP root ({@code partners/<id>/} with inbox/, outbox/, archive/
 * and error/) and the hub's private work area ({@code work/<id>/<transfer>/}) where a file waits,
 * out of the partner's reach, while its job runs.
 */
@ApplicationScoped
public class PartnerFolders {
  public static final String INBOX = "inbox";
  public static final String OUTBOX = "outbox";
  public static final String ARCHIVE = "archive";
  public static final String ERROR = "error";
  static final List<String> ALL = List.of(INBOX, OUTBOX, ARCHIVE, ERROR);

  private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{1,39}");

  @Inject FileSettings settings;

  /** The partner's SFTP root, created with its four folders on first use. */
  public Path rootOf(String partnerId) {
    Path root = partnersRoot().resolve(checked(partnerId));
    try {
      for (String folder : ALL) {
        Files.createDirectories(root.resolve(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  public Path folder(String partnerId, String folder) {
    return rootOf(partnerId).resolve(folder);
  }

  /** The private folder a transfer's files wait in while they are processed. */
  public Path workOf(String partnerId, String transferId) {
    return settings.root().resolve("work").resolve(checked(partnerId)).resolve(transferId);
  }

  /** The partners that have a root (anyone who logged in or was sent a file). */
  public List<String> partnersWithRoots() {
    Path partners = partnersRoot();
    if (!Files.isDirectory(partners)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(partners)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(id -> PARTNER_ID.matcher(id).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path partnersRoot() {
    return settings.root().resolve("partners");
  }

  private static String checked(String partnerId) {
    if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
      throw new IllegalArgumentException("not a partner id");
    }
    return partnerId;
  }
}
