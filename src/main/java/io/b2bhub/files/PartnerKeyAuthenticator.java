package io.b2bhub.files;

import io.b2bhub.partners.SftpLoginCheck;
import io.b2bhub.partners.SshPublicKey;
import io.b2bhub.platform.Alerts;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * SFTP login: the user name is the partner id, the key must be one of the partner's registered SSH
 * keys and the address must be in its allowlist. Every refusal is audited and counted on one alert
 * per partner.
 */
final class PartnerKeyAuthenticator implements PublickeyAuthenticator {
  private static final Logger LOG = Logger.getLogger(PartnerKeyAuthenticator.class.getName());

  private final SftpLoginCheck logins;
  private final AuditLog audit;
  private final Alerts alerts;
  private final Clock clock;

  PartnerKeyAuthenticator(SftpLoginCheck logins, AuditLog audit, Alerts alerts, Clock clock) {
    this.logins = logins;
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    String address = addressOf(session.getClientAddress());
    SftpLoginCheck.Verdict verdict;
    try {
      String fingerprint = SshPublicKey.parse(PublicKeyEntry.toString(key)).fingerprint();
      verdict = logins.check(username, address, fingerprint);
    } catch (RuntimeException e) {
      verdict = SftpLoginCheck.Verdict.KEY_NOT_REGISTERED;
    }
    if (verdict == SftpLoginCheck.Verdict.ALLOWED) {
      return true;
    }
    refused(username, verdict);
    return false;
  }

  private void refused(String username, SftpLoginCheck.Verdict verdict) {
    boolean known = verdict != SftpLoginCheck.Verdict.UNKNOWN_PARTNER;
    String partnerId = known ? username : null;
    try (CorrelationContext.Scope scope = CorrelationContext.bindNew("sftp-login")) {
      audit.record(
          new AuditRecord(
              OffsetDateTime.now(clock),
              AuditRecord.Direction.INBOUND,
              partnerId,
              "sftp",
              "sftp.login",
              AuditRecord.Outcome.REJECTED,
              null,
              "SFTP_" + verdict.name(),
              CorrelationContext.current(),
              null));
      if (known) {
        alerts.raiseOrCount(
            "SFTP_LOGIN_REFUSED",
            partnerId,
            "SFTP login refused: " + verdict.name().toLowerCase().replace('_', ' '),
            Duration.ofHours(1));
      }
    } catch (RuntimeException e) {
      LOG.warning("SFTP login refusal could not be recorded: " + e);
    }
  }

  private static String addressOf(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(address);
  }
}
