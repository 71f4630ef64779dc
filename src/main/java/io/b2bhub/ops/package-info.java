/**
 * What operators use to run the hub: health probes, the audit log query, and (later) the console,
 * alerts and SLA tracking. Read-mostly; may use every other capability.
 */
package io.b2bhub.ops;
