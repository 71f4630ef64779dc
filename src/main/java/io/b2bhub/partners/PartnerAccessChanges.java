package io.b2bhub.partners;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Entity listener on partners and credentials: once a transaction that changed one commits (or
 * rolls back), the access cache is emptied, so a revocation or suspension applies to the next call.
 */
public class PartnerAccessChanges {
  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Object entity) {
    TransactionSynchronizationRegistry transactions = transactions();
    if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      cache().invalidateAll();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache().invalidateAll();
          }
        });
  }

  private static PartnerAccessCache cache() {
    return CDI.current().select(PartnerAccessCache.class).get();
  }

  private static TransactionSynchronizationRegistry transactions() {
    try {
      return (TransactionSynchronizationRegistry)
          new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    } catch (NamingException e) {
      return null;
    }
  }
}
