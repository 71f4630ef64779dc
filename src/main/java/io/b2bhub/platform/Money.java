package io.b2bhub.platform;

import jakarta.validation.constraints.NotNull;

/**
 * An amount of money as the hub's contracts carry it: integer minor units (cents for EUR, none for
 * JPY) and an ISO-4217 currency code. Never floating point.
 */
public record Money(@NotNull Long amountMinor, @NotNull @IsoCurrency String currency) {

  public static Money of(long amountMinor, String currency) {
    if (!IsoCurrency.Validator.isIsoCurrency(currency)) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, "Not an ISO-4217 currency code: " + currency);
    }
    return new Money(amountMinor, currency);
  }
}
