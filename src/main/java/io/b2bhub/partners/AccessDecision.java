package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;

/** The outcome of checking a partner request: let it through as a partner, or refuse it. */
public sealed interface AccessDecision {
  /** Let through; {@code rateLimit} is the partner's own limit, or null for the default. */
  record Granted(String partnerId, String rateLimit) implements AccessDecision {}

  record Denied(String partnerId, ErrorCode code, String detail) implements AccessDecision {}
}
