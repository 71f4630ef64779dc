package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;

/** The outcome of checking a partner request: let it through as a partner, or refuse it. */
public sealed interface AccessDecision {
  record Granted(String partnerId) implements AccessDecision {}

  record Denied(String partnerId, ErrorCode code, String detail) implements AccessDecision {}
}
