package io.b2bhub.partners;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the registry says about one OAuth client at a moment: its partner, the client's and the
 * allowlist's validity. Time-bound facts are kept as validity, so they are judged at each call.
 */
record ClientAccess(
    String partnerId,
    PartnerStatus status,
    String rateLimit,
    Validity client,
    List<AllowedRange> allowlist) {

  /** Revoked, or valid until {@code expiresAt} (null: no end). */
  record Validity(boolean revoked, OffsetDateTime expiresAt) {
    boolean isActive(OffsetDateTime now) {
      return !revoked && (expiresAt == null || expiresAt.isAfter(now));
    }
  }

  record AllowedRange(IpRange range, Validity validity) {}

  List<IpRange> activeAllowlist(OffsetDateTime now) {
    return allowlist.stream()
        .filter(r -> r.validity().isActive(now))
        .map(AllowedRange::range)
        .toList();
  }
}
