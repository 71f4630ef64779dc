package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code erp.invoice.available.v1} → {@code POST /webshop/orders/{orderId}/invoice-available}, key
 * {@code invoice:{orderId}:{invoiceNumber}:{externalVersion}}; the body carries the signed document
 * link.
 */
@ApplicationScoped
public class InvoiceAvailablePushHandler extends WebshopPushHandler {
  @Override
  public EventType type() {
    return EventType.ERP_INVOICE_AVAILABLE;
  }

  @Override
  public String consumer() {
    return "webshop.push.invoice";
  }

  @Override
  WebshopPush toPush(EventEnvelope event) {
    JsonObject data = event.data();
    String orderId = data.getString("orderId");
    String invoiceNumber = data.getString("invoiceNumber");
    long version = data.getJsonNumber("version").longValue();
    JsonObject body =
        body(event)
            .add("orderId", orderId)
            .add("invoiceNumber", invoiceNumber)
            .add("status", data.getString("status"))
            .add("externalVersion", version)
            .add("documentUrl", data.getString("documentUrl"))
            .add("documentTokenExpiresAt", data.getString("documentTokenExpiresAt"))
            .build();
    return new WebshopPush(
        WebshopPush.Kind.INVOICE,
        event.tenantId(),
        orderId,
        invoiceNumber,
        "invoice:" + orderId + ":" + invoiceNumber + ":" + version,
        event.id(),
        bytes(body));
  }
}
