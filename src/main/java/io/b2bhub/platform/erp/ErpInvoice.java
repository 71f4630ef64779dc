package io.b2bhub.platform.erp;

/** What the hub needs to know of an ERP invoice: whose it is and which version it has. */
public record ErpInvoice(
    String invoiceNumber, String tenantId, String orderId, String status, long version) {}
