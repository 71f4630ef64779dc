package io.b2bhub.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data file and the sidecars that came with it (its .sha256, its manifest, a detached PGP
 * signature); they move together, into work/, archive/ or error/.
 */
public record FileSet(String fileName, Path data, Path checksum, Path manifest, Path signature) {
  List<Path> present() {
    List<Path> files = new ArrayList<>();
    for (Path p : new Path[] {data, checksum, manifest, signature}) {
      if (p != null) {
        files.add(p);
      }
    }
    return files;
  }

  /**
   * The name a file of the set keeps wherever it moves: the manifest is always {@code
   * <file>.manifest.json}.
   */
  String targetName(Path file) {
    return file.equals(manifest) ? fileName + ".manifest.json" : file.getFileName().toString();
  }

  /** The set as it lies in {@code folder} after {@link #targetName} moves. */
  static FileSet in(Path folder, String fileName) {
    return new FileSet(
        fileName,
        folder.resolve(fileName),
        existing(folder.resolve(fileName + ".sha256")),
        existing(folder.resolve(fileName + ".manifest.json")),
        existing(folder.resolve(fileName + ".sig")));
  }

  private static Path existing(Path path) {
    return java.nio.file.Files.isRegularFile(path) ? path : null;
  }
}
