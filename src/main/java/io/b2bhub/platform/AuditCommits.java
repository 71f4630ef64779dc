package io.b2bhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.List;

/** The audit log's own transactions: a batch of rows, independent of the callers' work. */
@ApplicationScoped
public class AuditCommits {
  @Inject AuditLog auditLog;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Boolean> writeAll(List<AuditRecord> records) {
    auditLog.recordAllWithCurrentWork(records);
    return Collections.nCopies(records.size(), Boolean.TRUE);
  }
}
