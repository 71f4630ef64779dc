package io.b2bhub.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileManifestTest {
  @TempDir Path dir;

  private FileManifest.Reading read(String json) throws IOException {
    return FileManifest.read(Files.writeString(dir.resolve("manifest.json"), json));
  }

  @Test
  void playbookExampleIsRead() throws IOException {
    FileManifest manifest =
        assertInstanceOf(
                FileManifest.Reading.Read.class,
                read(
                    "{\"file\":\"inventory_20250916T0200Z_001.csv\",\"records\":12543,"
                        + "\"sums\":{\"qty\":347991},\"generated_at\":\"2025-09-16T02:00:03Z\","
                        + "\"sha256\":\""
                        + "B2F0".repeat(16)
                        + "\",\"schema_version\":1}"))
            .manifest();
    assertEquals(12543, manifest.records());
    assertEquals(347991L, manifest.sums().get("qty"));
    assertEquals(Instant.parse("2025-09-16T02:00:03Z"), manifest.generatedAt());
    assertEquals("b2f0".repeat(16), manifest.sha256());
  }

  @Test
  void everyProblemIsNamed() throws IOException {
    FileManifest.Reading.Invalid invalid =
        assertInstanceOf(
            FileManifest.Reading.Invalid.class,
            read(
                "{\"records\":-1,\"sums\":{\"qty\":1.5},\"sha256\":\"xyz\",\"schema_version\":2}"));
    String reasons = String.join("; ", invalid.reasons());
    for (String expected :
        new String[] {
          "file is required",
          "records is required",
          "sums.qty must be an integer",
          "sha256 must be 64 hex digits",
          "schema_version 2 is not supported",
          "generated_at"
        }) {
      assertTrue(reasons.contains(expected), expected + " in " + reasons);
    }
  }

  @Test
  void notJsonIsInvalidNotAnError() throws IOException {
    assertInstanceOf(FileManifest.Reading.Invalid.class, read("records=5"));
  }
}
