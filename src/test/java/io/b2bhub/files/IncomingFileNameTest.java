package io.b2bhub.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncomingFileNameTest {
  @Test
  void playbookExampleWithoutPartnerPrefixAndWithoutSeconds() {
    IncomingFileName name =
        IncomingFileName.parse("inventory_20250916T0200Z_001.csv", "p_002").orElseThrow();
    assertEquals("inventory", name.flow());
    assertEquals(1, name.sequence());
    assertEquals(Instant.parse("2025-09-16T02:00:00Z"), name.generatedAt());
    assertEquals("csv", name.extension());
    assertFalse(name.encrypted());
  }

  @Test
  void partnerPrefixMustBeTheSendersOwnId() {
    assertTrue(
        IncomingFileName.parse("p_002_inventory_20250916T020003Z_17.csv", "p_002").isPresent());
    assertFalse(
        IncomingFileName.parse("p_001_inventory_20250916T020003Z_17.csv", "p_002").isPresent());
  }

  @Test
  void encryptedFilesCarryPgpAfterTheirExtension() {
    IncomingFileName name =
        IncomingFileName.parse("inventory_20250916T020003Z_2.csv.pgp", "p_002").orElseThrow();
    assertTrue(name.encrypted());
    assertEquals("csv", name.extension());
  }

  @Test
  void namesOutsideTheConventionAreRefused() {
    assertFalse(IncomingFileName.parse("stock.csv", "p_002").isPresent());
    assertFalse(IncomingFileName.parse("inventory_2025-09-16_001.csv", "p_002").isPresent());
    assertFalse(IncomingFileName.parse("inventory_20251316T0200Z_001.csv", "p_002").isPresent());
  }

  @Test
  void temporaryNamesAndSidecarsAreNeverDataFiles() {
    assertTrue(IncomingFileName.isTemporary("inventory_20250916T0200Z_001.csv.part"));
    assertTrue(IncomingFileName.isTemporary(".inventory.csv"));
    assertTrue(IncomingFileName.isSidecar("manifest.json"));
    assertTrue(IncomingFileName.isSidecar("inventory_20250916T0200Z_001.csv.sha256"));
  }
}
