package io.b2bhub.platform.erp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Talks to the ERP. Each call retries transient failures within {@code deadline} (a zero deadline
 * makes one attempt) and then throws {@link ErpUnavailableException}; a refusal by the ERP is an
 * {@link ErpRejectedException} and is never retried.
 */
public interface ErpGateway {
  ErpOutcome upsertCustomer(String partnerId, ErpCustomer customer, Duration deadline);

  ErpOutcome createOrder(String partnerId, ErpOrder order, Duration deadline);

  ErpOutcome updateOrderStatus(String partnerId, ErpOrderStatus change, Duration deadline);

  /** The ERP's order, or empty when the ERP does not have it (reconciliation). */
  Optional<ErpOrderState> findOrder(String tenantId, String orderId, Duration deadline);

  /** The ERP's customer, or empty when the ERP does not have it (reconciliation). */
  Optional<ErpCustomerState> findCustomer(String tenantId, String customerId, Duration deadline);

  /** Up to {@code limit} entries of the ERP's change feed after {@code afterSeq}, in order. */
  List<ErpChange> changesAfter(long afterSeq, int limit, Duration deadline);

  /** The ERP's invoice, or empty when the ERP does not have it. */
  Optional<ErpInvoice> findInvoice(String invoiceNumber, Duration deadline);

  /** The invoice's document, or empty when the ERP does not have the invoice. */
  Optional<ErpDocument> invoiceDocument(String invoiceNumber, Duration deadline);
}
