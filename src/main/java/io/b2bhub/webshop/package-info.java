/**
 * The built-in webshop sandbox: a stand-in for the webshop's side of the ERP contract (payment
 * status, invoice available, prices) for systems where no webshop runs, so the whole ERP → webshop
 * loop can be tried and tested. It checks what a real webshop should check: the hub's signature,
 * the idempotency key, versions. Uses the platform only; off in production.
 */
package io.b2bhub.webshop;
