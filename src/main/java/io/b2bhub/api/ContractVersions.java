package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Contract versions of the sync API, declared in each body's {@code schemaVersion}. Version 2 is
 * current; version 1 requests are upgraded here so the rest of the hub sees only version 2; any
 * other version is refused with the list of supported ones.
 */
final class ContractVersions {
  // Json.* looks the provider up on every call; hot paths keep one.
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int CURRENT = 2;
  static final List<Integer> SUPPORTED = List.of(1, 2);

  private ContractVersions() {}

  static JsonObject toCurrent(SyncOperation operation, JsonObject body) {
    JsonValue declared = body.get("schemaVersion");
    if (!(declared instanceof JsonNumber number) || !number.isIntegral()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "schemaVersion is required.",
          List.of(new Problem.FieldError("/schemaVersion", "must be one of " + SUPPORTED)));
    }
    return switch (number.intValue()) {
      case 2 -> body;
      case 1 -> upgradeFromVersion1Checked(operation, body);
      default ->
          throw new ProblemException(
              ErrorCode.CONTRACT_VERSION_UNSUPPORTED,
              "schemaVersion "
                  + number
                  + " is not supported; supported versions: "
                  + SUPPORTED
                  + " (current "
                  + CURRENT
                  + ").");
    };
  }

  private static JsonObject upgradeFromVersion1Checked(SyncOperation operation, JsonObject v1) {
    try {
      return upgradeFromVersion1(operation, v1);
    } catch (ArithmeticException e) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "Version 1 amounts must be whole numbers that fit in 64 bits.",
          List.of(new Problem.FieldError("/lines", "not a whole minor-unit amount")));
    }
  }

  /**
   * Version 1 differences: customers had {@code fullName} and {@code country}; orders named the
   * customer {@code customerId}, had no line totals and only a gross {@code totalMinor} (tax is
   * what the gross adds to the lines); status changes called the status {@code state}.
   */
  private static JsonObject upgradeFromVersion1(SyncOperation operation, JsonObject v1) {
    JsonObjectBuilder v2 = JSON.createObjectBuilder(v1).add("schemaVersion", CURRENT);
    switch (operation) {
      case CUSTOMER_UPSERT -> {
        rename(v1, v2, "fullName", "name");
        rename(v1, v2, "country", "countryCode");
      }
      case ORDER_CREATE -> upgradeOrder(v1, v2);
      case ORDER_STATUS -> rename(v1, v2, "state", "status");
    }
    return v2.build();
  }

  private static void upgradeOrder(JsonObject v1, JsonObjectBuilder v2) {
    rename(v1, v2, "customerId", "customerRef");
    long net = 0;
    JsonArrayBuilder lines = JSON.createArrayBuilder();
    for (JsonValue value :
        v1.getJsonArray("lines") == null ? List.<JsonValue>of() : v1.getJsonArray("lines")) {
      if (value instanceof JsonObject line
          && line.get("quantity") instanceof JsonNumber quantity
          && line.get("unitPriceMinor") instanceof JsonNumber price) {
        long total = Math.multiplyExact(quantity.longValueExact(), price.longValueExact());
        net = Math.addExact(net, total);
        lines.add(JSON.createObjectBuilder(line).add("lineTotalMinor", total));
      } else {
        lines.add(value);
      }
    }
    v2.add("lines", lines);
    if (v1.get("totalMinor") instanceof JsonNumber gross) {
      v2.remove("totalMinor");
      v2.add(
          "totals",
          JSON.createObjectBuilder()
              .add("netMinor", net)
              .add("taxMinor", gross.longValueExact() - net)
              .add("grossMinor", gross.longValueExact()));
    }
  }

  private static void rename(JsonObject v1, JsonObjectBuilder v2, String from, String to) {
    if (v1.containsKey(from)) {
      v2.remove(from);
      v2.add(to, v1.get(from));
    }
  }
}
