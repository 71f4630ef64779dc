package io.b2bhub.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** The annotated string is an active ISO-4217 currency code in upper case, e.g. EUR. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Validator.class)
public @interface IsoCurrency {
  String message() default "must be an ISO-4217 currency code such as EUR";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks against the JDK's ISO-4217 table; null is left to {@code @NotNull}. */
  class Validator implements ConstraintValidator<IsoCurrency, String> {
    private static final Set<String> CODES =
        Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    static boolean isIsoCurrency(String code) {
      return code != null && CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isIsoCurrency(value);
    }
  }
}
