package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The file_transfer rows and the sequence dedupe table (file_sequence). */
@ApplicationScoped
public class FileTransfers {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** A new inbound transfer; its sequence is taken in the same transaction. */
  @Transactional
  public FileTransfer receive(
      String partnerId,
      IncomingFileName name,
      String sha256,
      long sizeBytes,
      Long recordsDeclared,
      String correlationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    FileTransfer transfer =
        new FileTransfer(
            "IN",
            partnerId,
            name.flow(),
            name.fileName(),
            name.sequence(),
            FileTransferStatus.PROCESSING,
            correlationId,
            now);
    transfer.describe(sha256, sizeBytes, recordsDeclared);
    em.persist(transfer);
    em.createNativeQuery(
            "INSERT INTO file_sequence (partner_id, flow, sequence_no, transfer_id, taken_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, partnerId)
        .setParameter(2, name.flow())
        .setParameter(3, name.sequence())
        .setParameter(4, transfer.transferId())
        .setParameter(5, now)
        .executeUpdate();
    return transfer;
  }

  /** A file that is not loaded (rejected or a duplicate), recorded with why. */
  @Transactional
  public FileTransfer recordUnloaded(
      String partnerId,
      String flow,
      String fileName,
      Long sequence,
      FileTransferStatus status,
      FileRejectionCode code,
      String detail,
      String correlationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    FileTransfer transfer =
        new FileTransfer(
            "IN",
            partnerId,
            flow == null ? "unknown" : flow,
            fileName,
            sequence,
            status,
            correlationId,
            now);
    transfer.finished(status, 0L, null, code.name(), detail, now);
    em.persist(transfer);
    return transfer;
  }

  /** The transfer that took this sequence, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> holderOf(String partnerId, String flow, long sequence) {
    return em.createNativeQuery(
            "SELECT transfer_id FROM file_sequence WHERE partner_id = ? AND flow = ?"
                + " AND sequence_no = ?")
        .setParameter(1, partnerId)
        .setParameter(2, flow)
        .setParameter(3, sequence)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  /** The highest sequence taken so far for a partner's flow, or 0. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long lastSequence(String partnerId, String flow) {
    Object max =
        em.createNativeQuery(
                "SELECT MAX(sequence_no) FROM file_sequence WHERE partner_id = ? AND flow = ?")
            .setParameter(1, partnerId)
            .setParameter(2, flow)
            .getSingleResult();
    return max == null ? 0 : ((Number) max).longValue();
  }

  /** Whether a file of this partner and flow is being loaded (files of one flow load in turn). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean loading(String partnerId, String flow) {
    return em.createNamedQuery("FileTransfer.countInFlight", Long.class)
            .setParameter("partnerId", partnerId)
            .setParameter("flow", flow)
            .getSingleResult()
        > 0;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<FileTransfer> find(String transferId) {
    return em.createNamedQuery("FileTransfer.findByTransferId", FileTransfer.class)
        .setParameter("transferId", transferId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The transfer a job execution works on: named by its parameter on the first run, found by its
   * job instance on a restart (operators restart with no parameters).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public FileTransfer ofJob(long instanceId, String transferIdParameter) {
    if (transferIdParameter != null && !transferIdParameter.isBlank()) {
      return find(transferIdParameter)
          .orElseThrow(() -> new IllegalStateException("no transfer " + transferIdParameter));
    }
    return em.createNamedQuery("FileTransfer.findByJobInstance", FileTransfer.class)
        .setParameter("instanceId", instanceId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no transfer for job instance " + instanceId));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FileTransfer.FileTransferView> recent(String partnerId, int limit) {
    return em.createNamedQuery("FileTransfer.findByPartner", FileTransfer.class)
        .setParameter("partnerId", partnerId)
        .setMaxResults(limit)
        .getResultStream()
        .map(FileTransfer::view)
        .toList();
  }

  @Transactional
  public void jobStarted(String transferId, long instanceId, long executionId) {
    locked(transferId).jobStarted(instanceId, executionId);
  }

  @Transactional
  public void jobFailed(String transferId, String detail) {
    FileTransfer transfer = locked(transferId);
    if (transfer.status() == FileTransferStatus.PROCESSING) {
      transfer.jobFailed(detail);
    }
  }

  /**
   * Ends a transfer; a rejected file gives its sequence back, so the partner can send the corrected
   * file under the same sequence.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public FileTransfer finish(
      String transferId,
      FileTransferStatus outcome,
      Long recordsAccepted,
      String controlTotals,
      FileRejectionCode code,
      String detail) {
    FileTransfer transfer = locked(transferId);
    transfer.finished(
        outcome,
        recordsAccepted,
        controlTotals,
        code == null ? null : code.name(),
        detail,
        OffsetDateTime.now(clock));
    if (outcome == FileTransferStatus.REJECTED) {
      em.createNativeQuery("DELETE FROM file_sequence WHERE transfer_id = ?")
          .setParameter(1, transferId)
          .executeUpdate();
    }
    return transfer;
  }

  private FileTransfer locked(String transferId) {
    FileTransfer transfer =
        find(transferId).orElseThrow(() -> new IllegalStateException("no transfer " + transferId));
    em.lock(transfer, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    return transfer;
  }
}
