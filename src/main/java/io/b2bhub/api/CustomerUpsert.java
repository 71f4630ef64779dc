package io.b2bhub.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** POST /api/v1/erp/customers, contract version 2. Carries personal data: never log it. */
public record CustomerUpsert(
    @NotNull Integer schemaVersion,
    @NotBlank @Pattern(regexp = ContractIds.ID) String tenantId,
    @NotBlank @Pattern(regexp = ContractIds.ID) String customerId,
    @NotNull @PositiveOrZero Long version,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 320) String email,
    @Pattern(regexp = "[A-Z]{2}") String countryCode) {}
