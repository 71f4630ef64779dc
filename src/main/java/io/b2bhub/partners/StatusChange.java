package io.b2bhub.partners;

import jakarta.validation.constraints.NotNull;

/** A requested status, e.g. {"status": "LIVE"}. */
public record StatusChange(@NotNull PartnerStatus status) {}
