package io.b2bhub.events;

import java.util.Arrays;
import java.util.Optional;

/** The v1 event catalogue: who publishes each type and which field names its aggregate. */
public enum EventType {
  CUSTOMER_UPSERT_REQUESTED("customer.upsert.requested.v1", Publisher.WEBSHOP, "customerId"),
  ORDER_CREATED("order.created.v1", Publisher.WEBSHOP, "orderId"),
  ORDER_STATUS_CHANGED("order.status.changed.v1", Publisher.WEBSHOP, "orderId"),
  ERP_CUSTOMER_SYNCED("erp.customer.synced.v1", Publisher.HUB, "customerId"),
  ERP_ORDER_SYNCED("erp.order.synced.v1", Publisher.HUB, "orderId"),
  ERP_INVOICE_AVAILABLE("erp.invoice.available.v1", Publisher.HUB, "orderId"),
  ERP_PRICE_UPDATED("erp.price.updated.v1", Publisher.HUB, "articleNumber"),
  ERP_PAYMENT_STATUS_CHANGED("erp.payment.status.changed.v1", Publisher.HUB, "orderId"),
  INVENTORY_UPDATED("inventory.updated.v1", Publisher.HUB, "partnerId");

  /** Who may emit the type: the webshop hands its events to the hub, the hub emits its own. */
  public enum Publisher {
    WEBSHOP,
    HUB
  }

  private final String typeName;
  private final Publisher publisher;
  private final String aggregateField;

  EventType(String typeName, Publisher publisher, String aggregateField) {
    this.typeName = typeName;
    this.publisher = publisher;
    this.aggregateField = aggregateField;
  }

  public String typeName() {
    return typeName;
  }

  public Publisher publisher() {
    return publisher;
  }

  /** The data field whose value, with the tenant, keeps one aggregate's events in order. */
  String aggregateField() {
    return aggregateField;
  }

  public static Optional<EventType> byName(String typeName) {
    return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
  }
}
