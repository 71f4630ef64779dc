package io.b2bhub.partners;

import java.util.Optional;

/** What other capabilities may ask about partners, without touching the registry's tables. */
public interface PartnerDirectory {
  /** Lower-case letters, digits, "_" and "-", 2 to 40 characters, e.g. {@code p_001}. */
  String PARTNER_ID_PATTERN = "[a-z0-9][a-z0-9_-]{1,39}";

  Optional<PartnerView> find(String partnerId);
}
