package io.b2bhub.platform.erp;

/** A status change of an order the ERP already has. */
public record ErpOrderStatus(String tenantId, String orderId, String status, long version) {}
