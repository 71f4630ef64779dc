package io.b2bhub.api;

import io.b2bhub.platform.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /api/v1/erp/orders, contract version 2. Amounts are minor units of {@code currency}. */
public record OrderCreate(
    @NotNull Integer schemaVersion,
    @NotBlank @Pattern(regexp = ContractIds.ID) String tenantId,
    @NotBlank @Pattern(regexp = ContractIds.ID) String orderId,
    @NotNull @PositiveOrZero Long version,
    @NotBlank @Pattern(regexp = ContractIds.ID) String customerRef,
    @NotNull @IsoCurrency String currency,
    @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines,
    @NotNull @Valid Totals totals) {

  /** One order line: lineTotalMinor must equal quantity × unitPriceMinor. */
  public record Line(
      @NotBlank @Size(max = 64) String sku,
      @NotNull @Positive Long quantity,
      @NotNull @PositiveOrZero Long unitPriceMinor,
      @NotNull @PositiveOrZero Long lineTotalMinor) {}

  /** netMinor is the sum of the lines; grossMinor is netMinor + taxMinor. */
  public record Totals(
      @NotNull @PositiveOrZero Long netMinor,
      @NotNull @PositiveOrZero Long taxMinor,
      @NotNull @PositiveOrZero Long grossMinor) {}
}
