package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/errors.md and the ErrorCode enum name the same codes with the same HTTP statuses. */
class ErrorCatalogueTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

  @Test
  void everyErrorCodeIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
    String catalogue = Files.readString(Path.of("docs/errors.md"));
    Matcher rows = ROW.matcher(catalogue);
    Set<String> documented = new java.util.TreeSet<>();
    while (rows.find()) {
      ErrorCode code = ErrorCode.valueOf(rows.group(1));
      assertEquals(code.status(), Integer.parseInt(rows.group(2)), "status of " + code);
      documented.add(code.name());
    }
    Set<String> declared =
        Arrays.stream(ErrorCode.values())
            .map(Enum::name)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(declared, documented);
  }

  @Test
  void problemCarriesCodeTypeAndCorrelationId() {
    Problem problem = Problem.of(ErrorCode.NOT_FOUND, "gone", "c-1");
    assertEquals("NOT_FOUND", problem.code());
    assertEquals(404, problem.status());
    assertEquals("urn:b2bhub:problem:NOT_FOUND", problem.type());
    assertEquals("c-1", problem.correlationId());
    assertTrue(problem.errors() == null);
  }
}
