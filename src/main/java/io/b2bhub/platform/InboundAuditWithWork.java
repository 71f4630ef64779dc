package io.b2bhub.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Writes the current HTTP request's audit row in the transaction that stores its answer, so an
 * answered request makes one durable commit, not two (its work, then its audit row). Only once that
 * transaction commits is the request marked audited; if it rolls back, {@link
 * RequestBoundaryFilter} audits the request as it ends, as it does every other request.
 */
@RequestScoped
public class InboundAuditWithWork {
  @Inject HttpServletRequest request;
  @Inject AuditLog auditLog;
  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transactions;

  @Transactional(Transactional.TxType.MANDATORY)
  public void answered(int status) {
    auditLog.recordWithCurrentWork(RequestBoundaryFilter.auditOf(request, status, clock));
    HttpServletRequest answeredRequest = request;
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int outcome) {
            if (outcome == Status.STATUS_COMMITTED) {
              RequestBoundaryFilter.markAudited(answeredRequest);
            }
          }
        });
  }
}
