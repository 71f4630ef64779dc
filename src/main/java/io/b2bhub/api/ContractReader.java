package io.b2bhub.api;

import io.b2bhub.platform.ConstraintViolationExceptionMapper;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a request body into a validated contract record, with every invalid field reported as a
 * JSON Pointer, and computes the request's fingerprint for idempotency.
 */
@ApplicationScoped
public class ContractReader {
  // Json.* looks the provider up on every call; hot paths keep one.
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject Validator validator;

  <T> T read(JsonObject body, Class<T> type) {
    return read(body, type, value -> List.of());
  }

  /** {@code rules} checks what field constraints cannot (sums, products); it sees valid fields. */
  <T> T read(JsonObject body, Class<T> type, Function<T, List<Problem.FieldError>> rules) {
    T value;
    try {
      value = JSONB.fromJson(body.toString(), type);
    } catch (JsonbException e) {
      throw new ProblemException(
          ErrorCode.MALFORMED_REQUEST, "A field has the wrong JSON type for this contract.");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<T> violation : validator.validate(value)) {
      errors.add(
          new Problem.FieldError(
              ConstraintViolationExceptionMapper.pointer(violation), violation.getMessage()));
    }
    if (errors.isEmpty()) {
      errors.addAll(rules.apply(value));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::pointer));
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, errors.size() + " field(s) failed validation.", errors);
    }
    return value;
  }

  /** SHA-256 of the body with object keys sorted, so key order does not make a new request. */
  static String fingerprint(JsonValue body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(JsonValue value) {
    if (value instanceof JsonObject object) {
      StringBuilder out = new StringBuilder("{");
      new TreeMap<>(object)
          .forEach(
              (key, member) -> {
                if (out.length() > 1) {
                  out.append(',');
                }
                out.append(JSON.createValue(key)).append(':').append(canonical(member));
              });
      return out.append('}').toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ",").append(canonical(array.get(i)));
      }
      return out.append(']').toString();
    }
    return value.toString();
  }
}
