package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code erp.payment.status.changed.v1} → {@code POST /webshop/orders/{orderId}/payment-status},
 * key {@code payment-status:{orderId}:{status}:{externalVersion}}.
 */
@ApplicationScoped
public class PaymentStatusPushHandler extends WebshopPushHandler {
  @Override
  public EventType type() {
    return EventType.ERP_PAYMENT_STATUS_CHANGED;
  }

  @Override
  public String consumer() {
    return "webshop.push.payment";
  }

  @Override
  WebshopPush toPush(EventEnvelope event) {
    JsonObject data = event.data();
    String orderId = data.getString("orderId");
    long version = data.getJsonNumber("version").longValue();
    String status = data.getString("status");
    JsonObject body =
        body(event)
            .add("orderId", orderId)
            .add("invoiceNumber", data.getString("invoiceNumber"))
            .add("status", status)
            .add("externalVersion", version)
            .build();
    return new WebshopPush(
        WebshopPush.Kind.PAYMENT,
        event.tenantId(),
        orderId,
        orderId,
        "payment-status:" + orderId + ":" + status + ":" + version,
        event.id(),
        bytes(body));
  }
}
