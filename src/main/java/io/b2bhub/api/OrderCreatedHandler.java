package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventHandler;
import io.b2bhub.events.EventRejectedException;
import io.b2bhub.events.EventType;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpOutcome;
import io.b2bhub.platform.erp.ErpRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code order.created.v1} → the order is created in the ERP → {@code erp.order.synced.v1} for the
 * webshop. The same rules as the sync API: the tenant must be the sender's, the order must add up,
 * an older version than one applied changes nothing. An ERP that is unavailable makes the attempt
 * fail temporarily (retried with backoff); an ERP refusal is final (dead letter).
 */
@ApplicationScoped
public class OrderCreatedHandler implements EventHandler {
  static final String CONSUMER = "erp.order.sync";
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject TenantOwnership tenants;
  @Inject ContractReader reader;
  @Inject SyncLedger ledger;
  @Inject ErpGateway erp;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.event-deadline", defaultValue = "PT5S")
  Duration deadline;

  @Override
  public EventType type() {
    return EventType.ORDER_CREATED;
  }

  @Override
  public String consumer() {
    return CONSUMER;
  }

  @Override
  public void handle(ReceivedEvent event) {
    EventEnvelope envelope = event.envelope();
    if (event.partnerId() == null) {
      throw new EventRejectedException("The event was not handed in by a partner.");
    }
    OrderCreate order;
    try {
      tenants.require(event.partnerId(), envelope.tenantId());
      order = reader.read(asRequest(envelope), OrderCreate.class, OrderRules::check);
    } catch (ProblemException e) {
      throw new EventRejectedException(e.code() + ": " + e.getMessage() + " " + e.errors());
    }
    Optional<OrderSync> known = ledger.order(event.partnerId(), order.tenantId(), order.orderId());
    if (known.isPresent() && known.get().appliedVersion() > order.version()) {
      ledger.staleEvent(CONSUMER, event);
      return;
    }
    ErpOutcome outcome;
    try {
      outcome = erp.createOrder(event.partnerId(), ErpSyncService.toErp(order), deadline);
    } catch (ErpRejectedException e) {
      throw new EventRejectedException("The ERP refused the order: " + e.getMessage());
    }
    ledger.orderSyncedByEvent(CONSUMER, event, order, outcome);
  }

  /** The payload is the sync API's order body without its envelope fields. */
  private static JsonObject asRequest(EventEnvelope envelope) {
    return JSON.createObjectBuilder(envelope.data())
        .add("schemaVersion", ContractVersions.CURRENT)
        .add("tenantId", envelope.tenantId())
        .build();
  }
}
