package io.b2bhub.platform.erp;

import java.time.Duration;

/**
 * Talks to the ERP. Each call retries transient failures within {@code deadline} and then throws
 * {@link ErpUnavailableException}; a refusal by the ERP is an {@link ErpRejectedException} and is
 * never retried.
 */
public interface ErpGateway {
  ErpOutcome upsertCustomer(String partnerId, ErpCustomer customer, Duration deadline);

  ErpOutcome createOrder(String partnerId, ErpOrder order, Duration deadline);

  ErpOutcome updateOrderStatus(String partnerId, ErpOrderStatus change, Duration deadline);
}
