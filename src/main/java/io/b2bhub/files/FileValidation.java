package io.b2bhub.files;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the validation step found in a file, kept in the transfer's work folder so later steps (and
 * restarts, which do not repeat a completed step) know it: the records and control totals seen, and
 * the errors when the file is rejected.
 */
public record FileValidation(
    FileRejectionCode code,
    long records,
    Map<String, Long> seenTotals,
    long declaredRecords,
    Map<String, Long> declaredTotals,
    List<LineError> errors,
    long errorCount) {
  static final String FILE = "validation.json";

  boolean valid() {
    return code == null;
  }

  FileOutcomes.Rejection rejection() {
    return new FileOutcomes.Rejection(
        code, errors, errorCount, declaredRecords, declaredTotals, seenTotals);
  }

  void save(Path workFolder) throws IOException {
    JsonArrayBuilder listed = Json.createArrayBuilder();
    errors.forEach(
        e ->
            listed.add(
                Json.createObjectBuilder()
                    .add("line", e.line())
                    .add("field", e.field())
                    .add("reason", e.reason())));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("records", records)
            .add("seenTotals", totals(seenTotals))
            .add("declaredRecords", declaredRecords)
            .add("declaredTotals", totals(declaredTotals))
            .add("errors", listed)
            .add("errorCount", errorCount);
    if (code != null) {
      json.add("code", code.name());
    }
    FileMoves.replaceAtomically(
        workFolder, FILE, json.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  static FileValidation load(Path workFolder) throws IOException {
    try (Reader in = Files.newBufferedReader(workFolder.resolve(FILE));
        JsonReader reader = Json.createReader(in)) {
      JsonObject json = reader.readObject();
      List<LineError> errors = new ArrayList<>();
      for (JsonValue value : json.getJsonArray("errors")) {
        JsonObject e = value.asJsonObject();
        errors.add(
            new LineError(
                e.getJsonNumber("line").longValue(), e.getString("field"), e.getString("reason")));
      }
      return new FileValidation(
          json.containsKey("code") ? FileRejectionCode.valueOf(json.getString("code")) : null,
          json.getJsonNumber("records").longValue(),
          totals(json.getJsonObject("seenTotals")),
          json.getJsonNumber("declaredRecords").longValue(),
          totals(json.getJsonObject("declaredTotals")),
          errors,
          json.getJsonNumber("errorCount").longValue());
    }
  }

  private static JsonObjectBuilder totals(Map<String, Long> totals) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    totals.forEach(json::add);
    return json;
  }

  private static Map<String, Long> totals(JsonObject json) {
    Map<String, Long> totals = new LinkedHashMap<>();
    json.forEach((k, v) -> totals.put(k, ((JsonNumber) v).longValue()));
    return totals;
  }
}
