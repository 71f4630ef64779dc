package io.b2bhub.files;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ACK file a partner finds in its outbox/ for every data file it sent (docs/files.md): the
 * file, the outcome, the records accepted, the control totals declared and seen, and the errors.
 */
public record Acknowledgement(
    String file,
    String transferId,
    Status status,
    Instant receivedAt,
    Instant processedAt,
    Long recordsDeclared,
    long recordsAccepted,
    Map<String, Long> declaredTotals,
    Map<String, Long> seenTotals,
    FileRejectionCode code,
    List<LineError> errors,
    long errorCount,
    String duplicateOf) {
  /** Errors listed in the ACK itself; the full list is in the report kept in error/. */
  static final int MAX_LISTED_ERRORS = 1000;

  /** The outcome of a file. */
  public enum Status {
    ACCEPTED,
    REJECTED,
    DUPLICATE
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("file", file)
            .add("transferId", transferId)
            .add("status", status.name())
            .add("receivedAt", receivedAt.toString())
            .add("processedAt", processedAt.toString())
            .add("recordsAccepted", recordsAccepted);
    if (recordsDeclared != null) {
      json.add("recordsDeclared", recordsDeclared);
    }
    json.add(
        "controlTotals",
        Json.createObjectBuilder()
            .add("declared", totals(declaredTotals))
            .add("seen", totals(seenTotals)));
    if (code != null) {
      json.add("code", code.name());
    }
    if (duplicateOf != null) {
      json.add("duplicateOf", duplicateOf);
    }
    JsonArrayBuilder listed = Json.createArrayBuilder();
    errors.stream()
        .limit(MAX_LISTED_ERRORS)
        .forEach(
            e ->
                listed.add(
                    Json.createObjectBuilder()
                        .add("line", e.line())
                        .add("field", e.field())
                        .add("reason", e.reason())));
    return json.add("errors", listed)
        .add("errorCount", errorCount)
        .add("errorsTruncated", errorCount > Math.min(errors.size(), MAX_LISTED_ERRORS))
        .build();
  }

  private static JsonObjectBuilder totals(Map<String, Long> totals) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    if (totals != null) {
      totals.forEach(json::add);
    }
    return json;
  }
}
