package io.b2bhub.api;

/**
 * One push to the webshop: which endpoint, the contract's idempotency key, and the body to sign.
 *
 * @param subject what the push is about (order id, or article and price list), for evidence
 */
record WebshopPush(
    Kind kind,
    String tenantId,
    String orderId,
    String subject,
    String idempotencyKey,
    String eventId,
    byte[] body) {

  /** The contract's three ERP → webshop endpoints. */
  enum Kind {
    PAYMENT,
    INVOICE,
    PRICE
  }
}
