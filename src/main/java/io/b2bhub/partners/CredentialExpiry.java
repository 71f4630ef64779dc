package io.b2bhub.partners;

import io.b2bhub.platform.CorrelationContext;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Turns off, in the OAuth provider, clients whose rotation overlap has ended, so they can no longer
 * obtain tokens. (The API already refuses their tokens from the moment the overlap ends.)
 */
@Singleton
public class CredentialExpiry {
  private static final Logger LOG = Logger.getLogger(CredentialExpiry.class.getName());

  @Inject PartnerCredentials credentials;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void disableExpiredClients() {
    try (CorrelationContext.Scope ignored = CorrelationContext.bindNew("credential-expiry")) {
      int disabled = credentials.disableExpiredOAuthClients();
      if (disabled > 0) {
        LOG.info(() -> "Disabled " + disabled + " OAuth client(s) past their rotation overlap");
      }
    }
  }
}
