package io.b2bhub.partners;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a partner is in its life: onboarding until certification passes, then live. Suspension
 * stops all traffic and can be lifted back to any earlier state.
 */
public enum PartnerStatus {
  ONBOARDING,
  CERTIFIED,
  LIVE,
  SUSPENDED;

  public Set<PartnerStatus> allowedNext() {
    return switch (this) {
      case ONBOARDING -> EnumSet.of(CERTIFIED, SUSPENDED);
      case CERTIFIED -> EnumSet.of(LIVE, ONBOARDING, SUSPENDED);
      case LIVE -> EnumSet.of(SUSPENDED);
      case SUSPENDED -> EnumSet.of(ONBOARDING, CERTIFIED, LIVE);
    };
  }

  public boolean canMoveTo(PartnerStatus target) {
    return allowedNext().contains(target);
  }
}
