package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * {@code customer.upsert.requested.v1} → the customer is upserted in the ERP → {@code
 * erp.customer.synced.v1}.
 */
@ApplicationScoped
public class CustomerUpsertRequestedHandler extends ErpEventHandler<CustomerUpsert> {
  static final String CONSUMER = "erp.customer.sync";
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public EventType type() {
    return EventType.CUSTOMER_UPSERT_REQUESTED;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  /** {@code changedFields} tells the webshop's intent; the ERP gets the whole customer. */
  @Override
  JsonObject asRequest(EventEnvelope envelope) {
    return JSON.createObjectBuilder(super.asRequest(envelope)).remove("changedFields").build();
  }

  @Override
  CustomerUpsert read(JsonObject request) {
    return reader.read(request, CustomerUpsert.class);
  }

  @Override
  boolean isStale(String partnerId, CustomerUpsert customer) {
    return ledger
        .customer(partnerId, customer.tenantId(), customer.customerId())
        .filter(known -> known.appliedVersion() > customer.version())
        .isPresent();
  }

  @Override
  ErpOutcome callErp(String partnerId, CustomerUpsert customer) {
    return erp.upsertCustomer(partnerId, ErpSyncService.toErp(customer), deadline);
  }

  @Override
  void record(ReceivedEvent event, CustomerUpsert customer, ErpOutcome outcome) {
    ledger.customerSyncedByEvent(CONSUMER, event, customer, outcome);
  }
}
