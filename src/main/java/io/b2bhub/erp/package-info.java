/**
 * The ERP behind the hub: the adapter that calls it (MicroProfile REST client with retries, a
 * circuit breaker, a bulkhead and timeouts) and the built-in ERP sandbox, a stand-in ERP with its
 * own tables that can be told to be slow or to fail.
 *
 * <p>Uses the platform only; callers reach it through {@link io.b2bhub.platform.erp.ErpGateway}.
 */
package io.b2bhub.erp;
