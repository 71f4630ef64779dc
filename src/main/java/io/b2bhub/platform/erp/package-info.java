/**
 * The hub's port to the ERP: what the sync API and the event handlers ask of an ERP, without
 * knowing how it is reached. The {@code erp} capability implements it; nothing here may call out.
 */
package io.b2bhub.platform.erp;
