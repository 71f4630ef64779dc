package io.b2bhub.webhooks;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.GroupCommit;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The receiver's inbox (seed B-002): an event is stored by (partner, event id) with its payload
 * hash, in the same transaction as its hand-over to the outbox and the call's audit row. The same
 * event again is a replay, answered without a second effect; the same id with another payload is
 * refused. Concurrent pushes share transactions ({@link GroupCommit}); each is answered only once
 * the transaction holding it has committed.
 */
@ApplicationScoped
public class WebhookInbox {
  @Inject WebhookInboxWrites writes;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.inbound.max-batch", defaultValue = "100")
  int maxBatch;

  private GroupCommit<Push, Receipt> commits;

  /** What became of a pushed event. */
  public enum Receipt {
    ACCEPTED,
    REPLAYED,
    /** Same id, another payload: refused, nothing written. */
    ID_REUSED
  }

  /**
   * One verified push, with the audit row it gets when accepted (202) or answered as a replay
   * (200).
   */
  public record Push(
      String partnerId,
      EventEnvelope event,
      String payloadHash,
      AuditRecord auditIfAccepted,
      AuditRecord auditIfReplayed) {
    String key() {
      return partnerId + "\n" + event.id();
    }
  }

  @PostConstruct
  void createCommits() {
    commits = new GroupCommit<>(writes::receiveAll, writes::receiveOne, maxBatch);
  }

  public Receipt receive(Push push) {
    Receipt receipt = commits.write(push);
    if (receipt == Receipt.ID_REUSED) {
      throw new ProblemException(
          ErrorCode.EVENT_ID_REUSED,
          "Event " + push.event().id() + " was received before with another payload.");
    }
    return receipt;
  }
}
