package io.b2bhub.api;

import io.b2bhub.events.EventType;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.erp.ErpOrderStatus;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code order.status.changed.v1} → the ERP order's status. A status whose version is not newer
 * than the one applied never moves the order back. A status for an order the hub does not know yet
 * (its create is still on its way) fails temporarily and is retried.
 */
@ApplicationScoped
public class OrderStatusChangedHandler
    extends ErpEventHandler<OrderStatusChangedHandler.StatusEvent> {
  static final String CONSUMER = "erp.order-status.sync";

  /** The status change and the order it is for. */
  record StatusEvent(String orderId, OrderStatusChange change) {}

  @Override
  public EventType type() {
    return EventType.ORDER_STATUS_CHANGED;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  StatusEvent read(JsonObject request) {
    JsonObject change =
        jakarta.json.Json.createObjectBuilder()
            .add("schemaVersion", request.getInt("schemaVersion"))
            .add("tenantId", request.getString("tenantId"))
            .add("status", request.getString("status"))
            .add("version", request.getJsonNumber("version").longValue())
            .build();
    return new StatusEvent(
        request.getString("orderId"), reader.read(change, OrderStatusChange.class));
  }

  @Override
  boolean isStale(String partnerId, StatusEvent event) {
    OrderSync order =
        ledger
            .order(partnerId, event.change().tenantId(), event.orderId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Order " + event.orderId() + " is not known to the hub yet"));
    return order.statusVersion() >= event.change().version();
  }

  @Override
  ErpOutcome callErp(String partnerId, StatusEvent event) {
    OrderStatusChange change = event.change();
    return erp.updateOrderStatus(
        partnerId,
        new ErpOrderStatus(change.tenantId(), event.orderId(), change.status(), change.version()),
        deadline);
  }

  @Override
  void record(ReceivedEvent event, StatusEvent status, ErpOutcome outcome) {
    ledger.statusSyncedByEvent(CONSUMER, event, status.orderId(), status.change());
  }
}
