package io.b2bhub.api;

import io.b2bhub.events.EventType;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** {@code order.created.v1} → the order is created in the ERP → {@code erp.order.synced.v1}. */
@ApplicationScoped
public class OrderCreatedHandler extends ErpEventHandler<OrderCreate> {
  static final String CONSUMER = "erp.order.sync";

  @Override
  public EventType type() {
    return EventType.ORDER_CREATED;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  OrderCreate read(JsonObject request) {
    return reader.read(request, OrderCreate.class, OrderRules::check);
  }

  @Override
  boolean isStale(String partnerId, OrderCreate order) {
    return ledger
        .order(partnerId, order.tenantId(), order.orderId())
        .filter(known -> known.appliedVersion() > order.version())
        .isPresent();
  }

  @Override
  ErpOutcome callErp(String partnerId, OrderCreate order) {
    return erp.createOrder(partnerId, ErpSyncService.toErp(order), deadline);
  }

  @Override
  void record(ReceivedEvent event, OrderCreate order, ErpOutcome outcome) {
    ledger.orderSyncedByEvent(CONSUMER, event, order, outcome);
  }
}
