package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void amountsAreMinorUnitsWithAnIsoCurrency() {
    Money total = Money.of(12_999, "EUR");
    assertEquals(12_999L, total.amountMinor());
    assertEquals("EUR", total.currency());
  }

  @Test
  void unknownOrLowerCaseCurrenciesAreRefused() {
    assertThrows(ProblemException.class, () -> Money.of(1, "EURO"));
    assertThrows(ProblemException.class, () -> Money.of(1, "eur"));
    assertThrows(ProblemException.class, () -> Money.of(1, "XYZ"));
    assertFalse(new IsoCurrency.Validator().isValid("usd", null));
    assertTrue(new IsoCurrency.Validator().isValid("JPY", null));
  }
}
