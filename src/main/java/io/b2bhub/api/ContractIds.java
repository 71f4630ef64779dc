package io.b2bhub.api;

/**
 * Shapes shared by the sync contracts. ':' separates the parts of an idempotency key, so no id has
 * one.
 */
final class ContractIds {
  static final String ID = "[A-Za-z0-9._-]{1,64}";
  static final String ORDER_STATUS = "PLACED|CONFIRMED|PAID|SHIPPED|DELIVERED|CANCELLED|RETURNED";

  private ContractIds() {}
}
