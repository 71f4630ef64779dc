package io.b2bhub.partners;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;

/**
 * A partner's field mapping for one flow: renames our fields to theirs and converts the value to
 * the agreed type. Fields without a rule keep our name, so nothing is dropped silently.
 */
public record FieldMapping(List<Rule> rules) {
  // Json.* looks the provider up on every call; hot paths keep one.
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final FieldMapping IDENTITY = new FieldMapping(List.of());

  /** Value types a rule may ask for. Integers are minor units for money. */
  public enum Type {
    STRING,
    INTEGER,
    DATETIME
  }

  /** One rule: {@code ours} in the seed's snake_case ("total_amount"), the partner's name, type. */
  public record Rule(String ours, String partner, Type type, String notes) {
    /** Our field in the API's camelCase ("total_amount" → "totalAmount"). */
    String ourJsonName() {
      StringBuilder name = new StringBuilder();
      boolean upper = false;
      for (char c : ours.toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          name.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return name.toString();
    }
  }

  public JsonObject apply(JsonObject ours) {
    JsonObjectBuilder mapped = JSON.createObjectBuilder();
    ours.forEach(
        (field, value) -> {
          Rule rule = ruleFor(field);
          if (rule == null) {
            mapped.add(field, value);
          } else {
            mapped.add(rule.partner(), convert(value, rule.type()));
          }
        });
    return mapped.build();
  }

  private Rule ruleFor(String jsonField) {
    for (Rule rule : rules) {
      if (rule.ourJsonName().equals(jsonField)) {
        return rule;
      }
    }
    return null;
  }

  private static JsonValue convert(JsonValue value, Type type) {
    return switch (type) {
      case STRING -> value instanceof JsonString ? value : JSON.createValue(value.toString());
      case INTEGER -> asInteger(value);
      case DATETIME -> value;
    };
  }

  /** Whole numbers stay numbers; a numeric string becomes one; anything else is left as it is. */
  private static JsonValue asInteger(JsonValue value) {
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return JSON.createValue(number.longValue());
    }
    if (value instanceof JsonString text && text.getString().matches("-?\\d{1,18}")) {
      return JSON.createValue(Long.parseLong(text.getString()));
    }
    return value;
  }

  static Type type(String text) {
    return Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
