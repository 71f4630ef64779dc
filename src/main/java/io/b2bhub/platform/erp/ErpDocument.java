package io.b2bhub.platform.erp;

/** A document as the ERP hands it out (an invoice PDF). */
public record ErpDocument(byte[] content, String mediaType, String fileName) {}
