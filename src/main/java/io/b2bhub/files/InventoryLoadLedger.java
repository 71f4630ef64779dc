package io.b2bhub.files;

import io.b2bhub.events.EventDestination;
import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.events.Outbox;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records a loaded inventory file in one transaction: the transfer is completed, the audit log has
 * its row and {@code inventory.updated.v1} is in the outbox, or none of them is.
 */
@ApplicationScoped
public class InventoryLoadLedger {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject FileTransfers transfers;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** How many of the transfer's rows are in the inventory (levels it set), and their quantity. */
  public record Applied(long rows, long quantity) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Applied applied(String transferId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM inventory_level"
                        + " WHERE transfer_id = ?")
                .setParameter(1, transferId)
                .getSingleResult();
    return new Applied(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  /** A partner's stock levels in total (for one transfer, if named). */
  public record InventoryTotals(String partnerId, String transferId, long rows, long quantity) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public InventoryTotals totals(String partnerId, String transferId) {
    boolean one = transferId != null && !transferId.isBlank();
    var query =
        em.createNativeQuery(
                "SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM inventory_level"
                    + " WHERE partner_id = ?"
                    + (one ? " AND transfer_id = ?" : ""))
            .setParameter(1, partnerId);
    if (one) {
      query.setParameter(2, transferId);
    }
    Object[] row = (Object[]) query.getSingleResult();
    return new InventoryTotals(
        partnerId,
        one ? transferId : null,
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue());
  }

  @Transactional
  public void completed(FileTransfer loaded, FileValidation validation, Applied applied) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    long qty = validation.seenTotals().get(InventoryCsv.QTY);
    transfers.finish(
        loaded.transferId(),
        FileTransferStatus.COMPLETED,
        validation.records(),
        Json.createObjectBuilder()
            .add("records", validation.records())
            .add("qty", qty)
            .add("applied", applied.rows())
            .build()
            .toString(),
        null,
        null);
    outbox.emit(
        EventEnvelope.emitted(
            EventType.INVENTORY_UPDATED,
            loaded.partnerId(),
            loaded.correlationId(),
            Json.createObjectBuilder()
                .add("partnerId", loaded.partnerId())
                .add("transferId", loaded.transferId())
                .add("fileName", loaded.fileName())
                .add("sequence", loaded.sequenceNo())
                .add("records", validation.records())
                .add("applied", applied.rows())
                .add("totals", Json.createObjectBuilder().add(InventoryCsv.QTY, qty))
                .add("loadedAt", now.toInstant().toString())
                .build(),
            now.toInstant()),
        EventDestination.WEBSHOP);
    audit.recordWithCurrentWork(
        new AuditRecord(
            now,
            AuditRecord.Direction.INBOUND,
            loaded.partnerId(),
            "sftp:" + loaded.partnerId(),
            "file.load " + loaded.fileName(),
            AuditRecord.Outcome.SUCCEEDED,
            null,
            null,
            loaded.correlationId(),
            java.time.Duration.between(loaded.receivedAt(), now).toMillis()));
  }

  @Transactional
  public void rejected(FileTransfer rejected, FileValidation validation) {
    transfers.finish(
        rejected.transferId(),
        FileTransferStatus.REJECTED,
        0L,
        null,
        validation.code(),
        FileOutcomes.summary(validation.rejection()));
  }
}
