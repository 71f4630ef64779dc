package io.b2bhub.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** POST /api/v1/erp/orders/{orderId}/status, contract version 2. */
public record OrderStatusChange(
    @NotNull Integer schemaVersion,
    @NotBlank @Pattern(regexp = ContractIds.ID) String tenantId,
    @NotBlank @Pattern(regexp = ContractIds.ORDER_STATUS) String status,
    @NotNull @PositiveOrZero Long version) {}
