package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {
  @Test
  void wellFormedIdsAreKept() {
    assertEquals("order-sync:42.a_b", CorrelationIds.acceptOrGenerate("order-sync:42.a_b"));
  }

  @Test
  void idsThatCouldInjectIntoLogsOrHeadersAreReplaced() {
    for (String bad : new String[] {"a b", "line\nbreak", "", "x".repeat(129), "-leading", "é"}) {
      String accepted = CorrelationIds.acceptOrGenerate(bad);
      assertNotEquals(bad, accepted);
      assertTrue(CorrelationIds.isWellFormed(accepted));
    }
  }

  @Test
  void missingIdIsGenerated() {
    assertTrue(CorrelationIds.isWellFormed(CorrelationIds.acceptOrGenerate(null)));
  }
}
