package io.b2bhub.platform;

import java.util.Optional;

/**
 * Which partner a tenant belongs to (the first partner that sent for it). Capabilities that must
 * keep one partner's data from another's (webhook deliveries) ask here; the ERP sync API owns the
 * answer.
 */
public interface TenantDirectory {
  Optional<String> ownerOf(String tenantId);
}
