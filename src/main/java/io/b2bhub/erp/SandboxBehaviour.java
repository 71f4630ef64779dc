package io.b2bhub.erp;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How the sandbox ERP misbehaves: added latency, the share of calls answered 503 or 429 (with
 * Retry-After), a number of next calls to answer 429 whatever the shares say, and a number of next
 * calls the ERP refuses as invalid data (422): deterministic failures for tests and certification
 * runs. All zero is a healthy, instant ERP.
 */
public record SandboxBehaviour(
    @Min(0) @Max(60_000) long latencyMs,
    @DecimalMin("0.0") @DecimalMax("1.0") double unavailableShare,
    @DecimalMin("0.0") @DecimalMax("1.0") double rateLimitedShare,
    @Min(0) @Max(3600) int retryAfterSeconds,
    @Min(0) @Max(1000) int rateLimitNextCalls,
    @Min(0) @Max(1000) int rejectNextCalls) {

  public static final SandboxBehaviour HEALTHY = new SandboxBehaviour(0, 0, 0, 1, 0, 0);
}
