package io.b2bhub.platform.erp;

import java.time.Duration;
import java.util.Optional;

/**
 * Talks to the ERP. Each call retries transient failures within {@code deadline} and then throws
 * {@link ErpUnavailableException}; a refusal by the ERP is an {@link ErpRejectedException} and is
 * never retried.
 */
public interface ErpGateway {
  ErpOutcome upsertCustomer(String partnerId, ErpCustomer customer, Duration deadline);

  ErpOutcome createOrder(String partnerId, ErpOrder order, Duration deadline);

  ErpOutcome updateOrderStatus(String partnerId, ErpOrderStatus change, Duration deadline);

  /** The ERP's order, or empty when the ERP does not have it (reconciliation). */
  Optional<ErpOrderState> findOrder(String tenantId, String orderId, Duration deadline);

  /** The ERP's customer, or empty when the ERP does not have it (reconciliation). */
  Optional<ErpCustomerState> findCustomer(String tenantId, String customerId, Duration deadline);
}
