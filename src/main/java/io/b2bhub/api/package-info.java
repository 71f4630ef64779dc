/**
 * The ERP sync API the webshop calls (customers, orders, order status) with idempotency keys,
 * contract versions and stale-version handling, and the export of changed orders and customers.
 *
 * <p>Uses the platform (including the ERP port), partners and events; never the ERP adapter itself.
 */
package io.b2bhub.api;
