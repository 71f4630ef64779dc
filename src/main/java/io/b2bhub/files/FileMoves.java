package io.b2bhub.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File operations that never overwrite and never leave half-written files where partners look. */
final class FileMoves {
  private FileMoves() {}

  /**
   * Moves {@code file} into {@code folder} under its own name, or under {@code name.N} when that is
   * taken (a re-sent file never replaces the earlier copy). Returns where it went. Only the hub
   * writes into the folders it moves to, so checking for a free name first is race-free.
   */
  static Path moveInto(Path folder, Path file) throws IOException {
    return moveInto(folder, file, file.getFileName().toString());
  }

  static Path moveInto(Path folder, Path file, String name) throws IOException {
    Files.createDirectories(folder);
    for (int n = 0; ; n++) {
      Path target = folder.resolve(n == 0 ? name : name + "." + n);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        return Files.move(file, target);
      }
    }
  }

  /** Moves a file that may already have moved (a restarted step repeats its moves). */
  static void moveIfPresent(Path file, Path folder, String name) throws IOException {
    try {
      moveInto(folder, file, name);
    } catch (NoSuchFileException e) {
      // moved by an earlier attempt of this step
    }
  }

  /**
   * Writes {@code content} under a temporary name and renames it, so a reader polling the folder
   * sees the whole file or nothing. Returns the final path ({@code name}, or a numbered variant).
   */
  static Path writeAtomically(Path folder, String name, byte[] content) throws IOException {
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + name + "." + System.nanoTime() + ".tmp");
    Files.write(temp, content);
    return moveInto(folder, temp, name);
  }

  /**
   * Writes {@code content} as {@code folder/name}, replacing an older version in one rename: a
   * reader sees the old file or the new one, never a part.
   */
  static Path replaceAtomically(Path folder, String name, byte[] content) throws IOException {
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + name + "." + System.nanoTime() + ".tmp");
    Files.write(temp, content);
    return Files.move(
        temp,
        folder.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
