package io.b2bhub.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryFileValidationTest {
  @TempDir Path dir;

  private FileValidation validate(String csv, long records, long qty) throws IOException {
    Path file = Files.writeString(dir.resolve("f.csv"), csv);
    return InventoryFileValidation.validate(
        file, new FileManifest("f.csv", records, Map.of("qty", qty), null, "0".repeat(64), 1));
  }

  @Test
  void validFileMatchesItsControlTotals() throws IOException {
    FileValidation result =
        validate(
            "sku,location,qty,as_of\nA,W1,3,2025-09-16T02:00:00Z\nB,W1,4,2025-09-16T02:00:00Z\n",
            2,
            7);
    assertNull(result.code());
    assertEquals(2, result.records());
    assertEquals(7L, result.seenTotals().get("qty"));
  }

  @Test
  void controlTotalsMismatchNamesTheTotalThatDiffers() throws IOException {
    FileValidation result = validate("sku,location,qty,as_of\nA,W1,3,2025-09-16T02:00:00Z\n", 1, 4);
    assertEquals(FileRejectionCode.CONTROL_TOTALS_MISMATCH, result.code());
    assertEquals("sums.qty", result.errors().get(0).field());
  }

  @Test
  void everyBadLineIsReportedWithItsNumberAndField() throws IOException {
    FileValidation result =
        validate(
            "sku,location,qty,as_of\n"
                + "A,W1,x,2025-09-16T02:00:00Z\n"
                + "\"B\",W1,1,2025-09-16T02:00:00Z\n"
                + "C,W1,1,2025-09-16T02:00:00Z\n"
                + "C,W1,2,2025-09-16T02:00:00Z\n",
            4,
            4);
    assertEquals(FileRejectionCode.STRUCTURE_INVALID, result.code());
    assertEquals(
        List.of(new LineError(2, "qty", "a whole number from 0 to 1000000000000")),
        result.errors().subList(0, 1));
    assertEquals(List.of(2L, 3L, 5L), result.errors().stream().map(LineError::line).toList());
    assertEquals("sku C at W1 is also on line 4", result.errors().get(2).reason());
  }

  @Test
  void wrongHeaderRejectsTheFile() throws IOException {
    FileValidation result = validate("item,qty\nA,1\n", 1, 1);
    assertEquals(FileRejectionCode.STRUCTURE_INVALID, result.code());
    assertEquals("header", result.errors().get(0).field());
  }

  @Test
  void aMillionDistinctKeysHaveNoFalseRepeats() {
    KeySeen keys = new KeySeen(1000);
    for (int i = 1; i <= 1_000_000; i++) {
      assertEquals(0, keys.add("SKU-" + i, "WH-" + (i % 7), i));
    }
    assertEquals(17, keys.add("SKU-17", "WH-3", 1_000_001));
  }
}
