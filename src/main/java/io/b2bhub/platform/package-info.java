/**
 * Cross-cutting mechanisms every capability uses: correlation ids, RFC 9457 problem responses with
 * stable error codes, the audit log, the clock, secret encryption, database migrations and health.
 *
 * <p>Depends on Jakarta EE and MicroProfile APIs only; it must never reach into a capability
 * package.
 */
package io.b2bhub.platform;
