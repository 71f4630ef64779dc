package io.b2bhub.partners;

import java.time.Instant;
import java.util.List;

/** A partner as the API shows it. {@code version} supports optimistic concurrency on updates. */
public record PartnerView(
    String partnerId,
    String name,
    String mode,
    String security,
    String contact,
    String sla,
    List<String> flows,
    String rateLimit,
    PartnerStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
