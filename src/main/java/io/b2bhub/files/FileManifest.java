package io.b2bhub.files;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's {@code manifest.json} as the playbook defines it: the file it describes, its record
 * count, control sums per column, when it was generated, its SHA-256 and the schema version.
 */
public record FileManifest(
    String file,
    long records,
    Map<String, Long> sums,
    Instant generatedAt,
    String sha256,
    int schemaVersion) {
  public static final int SUPPORTED_SCHEMA_VERSION = 1;
  private static final long MAX_BYTES = 64 * 1024;

  /** The manifest read from disk, or the reasons it cannot be used. */
  public sealed interface Reading {
    record Read(FileManifest manifest) implements Reading {}

    record Invalid(List<String> reasons) implements Reading {}
  }

  public static Reading read(Path path) throws IOException {
    if (Files.size(path) > MAX_BYTES) {
      return new Reading.Invalid(List.of("the manifest is larger than " + MAX_BYTES + " bytes"));
    }
    JsonObject json;
    try (InputStream in = Files.newInputStream(path);
        JsonReader reader = Json.createReader(in)) {
      json = reader.readObject();
    } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
      return new Reading.Invalid(List.of("the manifest is not a JSON object"));
    }
    List<String> reasons = new ArrayList<>();
    String file = text(json, "file", reasons);
    long records = count(json, "records", reasons);
    String sha256 = text(json, "sha256", reasons);
    if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
      reasons.add("sha256 must be 64 hex digits");
    }
    long schemaVersion = count(json, "schema_version", reasons);
    if (schemaVersion != -1 && schemaVersion != SUPPORTED_SCHEMA_VERSION) {
      reasons.add(
          "schema_version "
              + schemaVersion
              + " is not supported (supported: "
              + SUPPORTED_SCHEMA_VERSION
              + ")");
    }
    Instant generatedAt = null;
    String generated = text(json, "generated_at", reasons);
    if (generated != null) {
      try {
        generatedAt = Instant.parse(generated);
      } catch (DateTimeParseException e) {
        reasons.add("generated_at must be an ISO-8601 UTC timestamp");
      }
    }
    Map<String, Long> sums = new LinkedHashMap<>();
    JsonValue sumsValue = json.get("sums");
    if (sumsValue instanceof JsonObject sumsObject) {
      sumsObject.forEach(
          (column, value) -> {
            if (value instanceof JsonNumber n && n.isIntegral()) {
              sums.put(column, n.longValueExact());
            } else {
              reasons.add("sums." + column + " must be an integer");
            }
          });
    } else {
      reasons.add("sums must be an object of column totals");
    }
    if (!reasons.isEmpty()) {
      return new Reading.Invalid(reasons);
    }
    return new Reading.Read(
        new FileManifest(
            file,
            records,
            Map.copyOf(sums),
            generatedAt,
            sha256.toLowerCase(),
            (int) schemaVersion));
  }

  private static String text(JsonObject json, String field, List<String> reasons) {
    if (json.get(field) instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    reasons.add(field + " is required (a string)");
    return null;
  }

  private static long count(JsonObject json, String field, List<String> reasons) {
    if (json.get(field) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
      return n.longValue();
    }
    reasons.add(field + " is required (a non-negative integer)");
    return -1;
  }
}
