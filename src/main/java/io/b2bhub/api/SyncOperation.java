package io.b2bhub.api;

/** The sync API's operations, with the idempotency key shape each one requires. */
enum SyncOperation {
  CUSTOMER_UPSERT("customer", "customer:{tenantId}:{customerId}:{version}"),
  ORDER_CREATE("order", "order:{tenantId}:{orderId}:{version}"),
  ORDER_STATUS("order-status", "order-status:{tenantId}:{orderId}:{status}:{version}");

  private final String keyPrefix;
  private final String keyShape;

  SyncOperation(String keyPrefix, String keyShape) {
    this.keyPrefix = keyPrefix;
    this.keyShape = keyShape;
  }

  String keyPrefix() {
    return keyPrefix;
  }

  String keyShape() {
    return keyShape;
  }
}
