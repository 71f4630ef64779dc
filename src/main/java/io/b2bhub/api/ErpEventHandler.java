package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventHandler;
import io.b2bhub.events.EventRejectedException;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpOutcome;
import io.b2bhub.platform.erp.ErpRejectedException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A webshop event carried to the ERP with the sync API's rules: the tenant must be the sender's,
 * the payload must pass the same checks as the API body, an older version than one applied changes
 * nothing. An unavailable ERP fails the attempt temporarily (retried with backoff); a refusal by
 * the ERP, like any refused data, is final (dead letter).
 *
 * @param <R> the sync API's request type the payload becomes
 */
abstract class ErpEventHandler<R> implements EventHandler {
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject TenantOwnership tenants;
  @Inject ContractReader reader;
  @Inject SyncLedger ledger;
  @Inject ErpGateway erp;

  /**
   * Zero by default: one ERP call per delivery, and the next attempt is the event's delayed
   * redelivery, so a consumer thread never sleeps between attempts while other events wait.
   */
  @Inject
  @ConfigProperty(name = "b2bhub.erp.event-deadline", defaultValue = "PT0S")
  Duration deadline;

  @Override
  public final void handle(ReceivedEvent event) {
    EventEnvelope envelope = event.envelope();
    if (event.partnerId() == null) {
      throw new EventRejectedException("The event was not handed in by a partner.");
    }
    R request;
    try {
      tenants.require(event.partnerId(), envelope.tenantId());
      request = read(asRequest(envelope));
    } catch (ProblemException e) {
      throw new EventRejectedException(e.code() + ": " + e.getMessage() + " " + e.errors());
    }
    if (isStale(event.partnerId(), request)) {
      ledger.staleEvent(consumer(), event);
      return;
    }
    ErpOutcome outcome;
    try {
      outcome = callErp(event.partnerId(), request);
    } catch (ErpRejectedException e) {
      throw new EventRejectedException("The ERP refused it: " + e.getMessage());
    }
    record(event, request, outcome);
  }

  /** The payload as the sync API's current-version body: plus schemaVersion and tenantId. */
  JsonObject asRequest(EventEnvelope envelope) {
    return JSON.createObjectBuilder(envelope.data())
        .add("schemaVersion", ContractVersions.CURRENT)
        .add("tenantId", envelope.tenantId())
        .build();
  }

  /** Reads and checks the request; a ProblemException refuses the event for good. */
  abstract R read(JsonObject request);

  abstract boolean isStale(String partnerId, R request);

  abstract ErpOutcome callErp(String partnerId, R request);

  /** Records the outcome, the inbox entry and any event to publish, in one transaction. */
  abstract void record(ReceivedEvent event, R request, ErpOutcome outcome);
}
