/**
 * Files: the hosted SFTP server (one root per partner with inbox/, outbox/, archive/, error/), the
 * inbox poller and its intake rules (names, sequences, checksums, manifests), the Jakarta Batch
 * artifacts that load files, ACK files, archives and pushes to partner-hosted SFTP servers.
 *
 * <p>A file is moved to archive/ or error/ only after the work it records has committed; a file
 * that cannot be processed is never dropped: it lands in error/ with a report and an audit row.
 * This package uses platform, partners and events; it never reads another capability's tables.
 */
package io.b2bhub.files;
