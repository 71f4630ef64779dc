package io.b2bhub.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of a transfer's work folder once its files have moved on. */
final class FileWork {
  private FileWork() {}

  static void remove(Path work) throws IOException {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> entries = Files.walk(work)) {
      for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
