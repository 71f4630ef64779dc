package io.b2bhub.api;

import io.b2bhub.platform.DataConflicts;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant belongs to the first partner that sends for it, over the sync API or as events; nobody
 * else may write its ERP records.
 */
@ApplicationScoped
public class TenantOwnership implements TenantDirectory {
  private static final int MAX_REMEMBERED_TENANTS = 100_000;

  @Inject SyncLedger ledger;

  /** A tenant's owner never changes once claimed, so a confirmed owner is remembered. */
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  @Override
  public Optional<String> ownerOf(String tenantId) {
    String known = owners.get(tenantId);
    return known != null ? Optional.of(known) : ledger.tenantOwner(tenantId);
  }

  /** Whether the tenant is the partner's, without claiming an unowned one (reads). */
  public boolean isOwner(String partnerId, String tenantId) {
    return partnerId.equals(owners.get(tenantId))
        || ledger.tenantOwner(tenantId).filter(partnerId::equals).isPresent();
  }

  /** Claims the tenant on first use; 403 TENANT_NOT_ALLOWED when another partner owns it. */
  public void require(String partnerId, String tenantId) {
    if (partnerId.equals(owners.get(tenantId))) {
      return;
    }
    boolean owns;
    try {
      owns = ledger.ownsTenant(partnerId, tenantId);
    } catch (RuntimeException e) {
      if (DataConflicts.asProblem(e, null).isEmpty()) {
        throw e;
      }
      owns = ledger.ownsTenant(partnerId, tenantId);
    }
    if (!owns) {
      throw new ProblemException(
          ErrorCode.TENANT_NOT_ALLOWED, "Tenant " + tenantId + " belongs to another partner.");
    }
    if (owners.size() >= MAX_REMEMBERED_TENANTS) {
      owners.clear();
    }
    owners.put(tenantId, partnerId);
  }
}
