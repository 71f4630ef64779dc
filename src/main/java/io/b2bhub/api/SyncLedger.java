package io.b2bhub.api;

import io.b2bhub.events.EventDestination;
import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.events.Inbox;
import io.b2bhub.events.Outbox;
import io.b2bhub.events.ReceivedEvent;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.DatabaseClock;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.IdempotencyClaim;
import io.b2bhub.platform.IdempotencyStore;
import io.b2bhub.platform.InboundAuditWithWork;
import io.b2bhub.platform.KeysetPosition;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the outcome of a sync request in one transaction: the hub's own rows (customer, order, or
 * queued work) together with the idempotency record's stored answer, so a replay can never see an
 * answer whose effect was lost, nor an effect without its answer.
 */
@ApplicationScoped
@Transactional
public class SyncLedger {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject IdempotencyStore idempotency;
  @Inject Clock clock;
  @Inject DatabaseClock databaseClock;
  @Inject Inbox inbox;
  @Inject Outbox outbox;
  @Inject InboundAuditWithWork inboundAudit;

  @Inject
  @ConfigProperty(name = "b2bhub.export.settle", defaultValue = "PT2S")
  Duration settle;

  /**
   * Claims {@code tenantId} for the partner on first use; true when the partner owns it. A race
   * between two first uses is settled by the primary key (the caller re-checks once).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean ownsTenant(String partnerId, String tenantId) {
    Object owner =
        em.createNativeQuery("SELECT partner_id FROM tenant_owner WHERE tenant_id = ?")
            .setParameter(1, tenantId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (owner == null) {
      em.createNativeQuery(
              "INSERT INTO tenant_owner (tenant_id, partner_id, created_at) VALUES (?, ?, ?)")
          .setParameter(1, tenantId)
          .setParameter(2, partnerId)
          .setParameter(3, OffsetDateTime.now(clock))
          .executeUpdate();
      return true;
    }
    return partnerId.equals(owner.toString());
  }

  /** The partner a tenant belongs to, without claiming it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> tenantOwner(String tenantId) {
    return em.createNativeQuery("SELECT partner_id FROM tenant_owner WHERE tenant_id = ?")
        .setParameter(1, tenantId)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CustomerSync> customer(String partnerId, String tenantId, String customerId) {
    return em.createNamedQuery("CustomerSync.findByKey", CustomerSync.class)
        .setParameter("partnerId", partnerId)
        .setParameter("tenantId", tenantId)
        .setParameter("customerId", customerId)
        .getResultStream()
        .findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OrderSync> order(String partnerId, String tenantId, String orderId) {
    return em.createNamedQuery("OrderSync.findByKey", OrderSync.class)
        .setParameter("partnerId", partnerId)
        .setParameter("tenantId", tenantId)
        .setParameter("orderId", orderId)
        .getResultStream()
        .findFirst();
  }

  SyncResult customerSynced(
      IdempotencyClaim.Acquired claim, String partnerId, CustomerUpsert request, ErpOutcome erp) {
    CustomerSync row = lockedCustomer(partnerId, request.tenantId(), request.customerId());
    if (row.appliedVersion() > request.version()) {
      return stale(
          claim,
          new SyncResponses.CustomerSynced(
              request.tenantId(),
              request.customerId(),
              request.version(),
              row.erpCustomerId(),
              SyncResponses.Outcome.STALE_IGNORED));
    }
    ChangeStamp stamp = stamp();
    row.applied(request.version(), erp.externalId(), stamp.time());
    SyncResponses.Outcome outcome =
        erp.created() ? SyncResponses.Outcome.CREATED : SyncResponses.Outcome.UPDATED;
    return complete(
        stamp,
        claim,
        erp.created() ? 201 : 200,
        new SyncResponses.CustomerSynced(
            request.tenantId(),
            request.customerId(),
            request.version(),
            erp.externalId(),
            outcome));
  }

  SyncResult orderSynced(
      IdempotencyClaim.Acquired claim, String partnerId, OrderCreate request, ErpOutcome erp) {
    OrderSync row = lockedOrder(partnerId, request.tenantId(), request.orderId());
    if (row.appliedVersion() > request.version()) {
      return stale(
          claim,
          new SyncResponses.OrderSynced(
              request.tenantId(),
              request.orderId(),
              request.version(),
              row.erpOrderId(),
              SyncResponses.Outcome.STALE_IGNORED));
    }
    ChangeStamp stamp = stamp();
    row.applied(request, erp.externalId(), stamp.time());
    // The ERP contract has no order amendment: a newer version is recorded here (and exported),
    // while the ERP keeps the order it already has.
    SyncResponses.Outcome outcome =
        erp.created() ? SyncResponses.Outcome.CREATED : SyncResponses.Outcome.ALREADY_EXISTS;
    return complete(
        stamp,
        claim,
        erp.created() ? 201 : 200,
        new SyncResponses.OrderSynced(
            request.tenantId(), request.orderId(), request.version(), erp.externalId(), outcome));
  }

  SyncResult statusSynced(
      IdempotencyClaim.Acquired claim,
      String partnerId,
      String orderId,
      OrderStatusChange request) {
    OrderSync row = lockedFresh(order(partnerId, request.tenantId(), orderId).orElseThrow());
    if (row.statusVersion() >= request.version()) {
      return stale(
          claim,
          new SyncResponses.OrderStatusSynced(
              request.tenantId(),
              orderId,
              row.status(),
              row.statusVersion(),
              SyncResponses.Outcome.STALE_IGNORED));
    }
    ChangeStamp stamp = stamp();
    row.statusApplied(request.status(), request.version(), stamp.time());
    return complete(
        stamp,
        claim,
        200,
        new SyncResponses.OrderStatusSynced(
            request.tenantId(),
            orderId,
            request.status(),
            request.version(),
            SyncResponses.Outcome.APPLIED));
  }

  /** An event older than what is applied: only the inbox learns of it. */
  void staleEvent(String consumer, ReceivedEvent event) {
    inbox.record(consumer, event);
    completeQueued(event, null);
  }

  /** When the event carries a queued sync request, that request is done. */
  private void completeQueued(ReceivedEvent event, String erpId) {
    String requestId = event.envelope().requestId();
    if (requestId == null) {
      return;
    }
    em.createNamedQuery("PendingErpRequest.findByRequestId", PendingErpRequest.class)
        .setParameter("requestId", requestId)
        .setParameter("partnerId", event.partnerId())
        .getResultStream()
        .findFirst()
        .ifPresent(p -> p.done(erpId, event.attempt(), OffsetDateTime.now(clock)));
  }

  /**
   * An order event has reached the ERP: in one transaction the inbox records the event, the hub's
   * order row takes the version (unless a newer one was applied meanwhile), and {@code
   * erp.order.synced.v1} goes into the outbox for the webshop.
   */
  void orderSyncedByEvent(
      String consumer, ReceivedEvent event, OrderCreate request, ErpOutcome erp) {
    inbox.record(consumer, event);
    String partnerId = event.partnerId();
    OrderSync row = lockedOrder(partnerId, request.tenantId(), request.orderId());
    if (row.appliedVersion() > request.version()) {
      completeQueued(event, row.erpOrderId());
      return;
    }
    ChangeStamp stamp = stamp();
    row.applied(request, erp.externalId(), stamp.time());
    completeQueued(event, erp.externalId());
    outbox.emit(
        EventEnvelope.emitted(
            EventType.ERP_ORDER_SYNCED,
            request.tenantId(),
            event.envelope().correlationId(),
            JSON.createObjectBuilder()
                .add("orderId", request.orderId())
                .add("version", request.version())
                .add("externalId", erp.externalId())
                .add("syncStatus", erp.created() ? "SYNCED" : "ALREADY_EXISTS")
                .build(),
            clock.instant()),
        EventDestination.WEBSHOP);
    em.flush();
    requireWithinSettle(stamp);
  }

  /**
   * A customer event has reached the ERP: the inbox records it, the hub's customer row takes the
   * version (unless a newer one won meanwhile), and {@code erp.customer.synced.v1} is published.
   */
  void customerSyncedByEvent(
      String consumer, ReceivedEvent event, CustomerUpsert request, ErpOutcome erp) {
    inbox.record(consumer, event);
    String partnerId = event.partnerId();
    CustomerSync row = lockedCustomer(partnerId, request.tenantId(), request.customerId());
    if (row.appliedVersion() > request.version()) {
      completeQueued(event, row.erpCustomerId());
      return;
    }
    ChangeStamp stamp = stamp();
    row.applied(request.version(), erp.externalId(), stamp.time());
    completeQueued(event, erp.externalId());
    outbox.emit(
        EventEnvelope.emitted(
            EventType.ERP_CUSTOMER_SYNCED,
            request.tenantId(),
            event.envelope().correlationId(),
            JSON.createObjectBuilder()
                .add("customerId", request.customerId())
                .add("version", request.version())
                .add("externalId", erp.externalId())
                .add("syncStatus", "SYNCED")
                .build(),
            clock.instant()),
        EventDestination.WEBSHOP);
    em.flush();
    requireWithinSettle(stamp);
  }

  /** A status event has reached the ERP: inbox entry and the order's status, unless older. */
  void statusSyncedByEvent(
      String consumer, ReceivedEvent event, String orderId, OrderStatusChange request) {
    inbox.record(consumer, event);
    OrderSync row =
        lockedFresh(order(event.partnerId(), request.tenantId(), orderId).orElseThrow());
    if (row.statusVersion() >= request.version()) {
      completeQueued(event, row.erpOrderId());
      return;
    }
    ChangeStamp stamp = stamp();
    row.statusApplied(request.status(), request.version(), stamp.time());
    completeQueued(event, row.erpOrderId());
    em.flush();
    requireWithinSettle(stamp);
  }

  /** Acknowledges without touching the ERP: the request is older than what is already applied. */
  SyncResult stale(IdempotencyClaim.Acquired claim, Object body) {
    return complete(claim, 200, body);
  }

  /** Brownout: keeps the request durably for the asynchronous path and answers 202. */
  SyncResult queued(
      IdempotencyClaim.Acquired claim,
      String partnerId,
      SyncOperation operation,
      String idempotencyKey,
      Object request,
      String why) {
    PendingErpRequest pending =
        persist(
            new PendingErpRequest(
                partnerId,
                operation,
                idempotencyKey,
                JSONB.toJson(request),
                why,
                CorrelationContext.current(),
                OffsetDateTime.now(clock)));
    // The queued work drains through the events path: its event commits with the 202.
    outbox.emitFor(
        partnerId, QueuedRequestEvents.of(pending.requestId(), idempotencyKey, request, clock));
    return complete(
        claim,
        202,
        new SyncResponses.Queued(
            pending.requestId(), "PENDING", "/api/v1/erp/requests/" + pending.requestId()));
  }

  /**
   * The ERP refused: deterministic for this request, so the refusal itself is the stored answer.
   */
  SyncResult rejected(IdempotencyClaim.Acquired claim, String detail) {
    return complete(
        claim, 422, Problem.of(ErrorCode.ERP_REJECTED, detail, CorrelationContext.current()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SyncResponses.RequestStatus> pending(String partnerId, String requestId) {
    return em.createNamedQuery("PendingErpRequest.findByRequestId", PendingErpRequest.class)
        .setParameter("requestId", requestId)
        .setParameter("partnerId", partnerId)
        .getResultStream()
        .findFirst()
        .map(PendingErpRequest::view);
  }

  /** True while a create of this order waits in the brownout queue. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean orderCreateQueued(String partnerId, String tenantId, String orderId) {
    String prefix = IdempotencyKeys.orderPrefix(tenantId, orderId);
    String escaped = prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%");
    return em.createNamedQuery("PendingErpRequest.countByKeyPrefix", Long.class)
            .setParameter("partnerId", partnerId)
            .setParameter("operation", SyncOperation.ORDER_CREATE.name())
            .setParameter("prefix", escaped + "%")
            .getSingleResult()
        > 0;
  }

  /** Queued work in a state, oldest first, keyset-paginated on (created_at, id). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<SyncResponses.QueuedForOperators> queued(String state, PageRequest page) {
    KeysetPosition after =
        page.after() != null
            ? page.after()
            : new KeysetPosition(OffsetDateTime.parse("1970-01-01T00:00:00Z"), Long.MIN_VALUE);
    List<PendingErpRequest> rows =
        em.createNamedQuery("PendingErpRequest.findByState", PendingErpRequest.class)
            .setParameter("state", state)
            .setParameter("afterTime", after.time())
            .setParameter("afterId", after.id())
            .setMaxResults(page.limit() + 1)
            .getResultList();
    return Page.of(
        rows, page.limit(), PendingErpRequest::forOperators, PendingErpRequest::position);
  }

  private SyncResult complete(IdempotencyClaim.Acquired claim, int status, Object body) {
    String json = JSONB.toJson(body);
    idempotency.complete(claim, status, json);
    if (status < 300) {
      // A refusal carries its error code, which only the request filter's audit row records.
      inboundAudit.answered(status);
    }
    return new SyncResult(status, json);
  }

  /**
   * Completes a change that the export will show. The export trusts that a change commits well
   * within the settle window after its stamp; a transaction that has already used half of it is
   * rolled back instead (the caller retries with the same key and gets a fresh stamp).
   */
  private SyncResult complete(
      ChangeStamp stamp, IdempotencyClaim.Acquired claim, int status, Object body) {
    SyncResult result = complete(claim, status, body);
    em.flush();
    requireWithinSettle(stamp);
    return result;
  }

  private void requireWithinSettle(ChangeStamp stamp) {
    if (System.nanoTime() - stamp.nanos() > settle.toNanos() / 2) {
      throw ProblemException.retryAfter(
          ErrorCode.SERVICE_UNAVAILABLE, "The hub is too busy to record this change; retry.", 1);
    }
  }

  /**
   * Stamps a change with the database's clock, taken after the row locks so that only the flush and
   * the commit remain between the stamp and the moment the change becomes visible.
   */
  private ChangeStamp stamp() {
    return new ChangeStamp(databaseClock.now(), System.nanoTime());
  }

  private record ChangeStamp(OffsetDateTime time, long nanos) {}

  /**
   * The customer's row re-read under a row lock (a concurrent newer version may have committed
   * since the caller's check), or a new one.
   */
  private CustomerSync lockedCustomer(String partnerId, String tenantId, String customerId) {
    return customer(partnerId, tenantId, customerId)
        .map(this::lockedFresh)
        .orElseGet(
            () ->
                persist(
                    new CustomerSync(partnerId, tenantId, customerId, OffsetDateTime.now(clock))));
  }

  /** The order's row re-read under a row lock, or a new one. */
  private OrderSync lockedOrder(String partnerId, String tenantId, String orderId) {
    return order(partnerId, tenantId, orderId)
        .map(this::lockedFresh)
        .orElseGet(
            () -> persist(new OrderSync(partnerId, tenantId, orderId, OffsetDateTime.now(clock))));
  }

  private <T> T lockedFresh(T row) {
    em.lock(row, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(row);
    return row;
  }

  private <T> T persist(T entity) {
    em.persist(entity);
    return entity;
  }
}
