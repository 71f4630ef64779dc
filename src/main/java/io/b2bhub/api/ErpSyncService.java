package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.IdempotencyClaim;
import io.b2bhub.platform.IdempotencyGate;
import io.b2bhub.platform.IdempotencyRecord;
import io.b2bhub.platform.IdempotencyStore;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpCustomer;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpOrder;
import io.b2bhub.platform.erp.ErpOrderStatus;
import io.b2bhub.platform.erp.ErpOutcome;
import io.b2bhub.platform.erp.ErpRejectedException;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries a validated sync request to the ERP exactly once per idempotency key: replays answer from
 * the stored result, stale versions are acknowledged without an ERP call, an unavailable ERP turns
 * the request into queued work (202), and a refusal by the ERP is stored as the answer.
 */
@ApplicationScoped
public class ErpSyncService {
  @Inject ErpGateway erp;
  @Inject SyncLedger ledger;
  @Inject IdempotencyGate gate;
  @Inject IdempotencyStore idempotency;
  @Inject TenantOwnership tenants;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.sync-deadline", defaultValue = "PT3S")
  Duration deadline;

  SyncResult upsertCustomer(
      String partnerId, String idempotencyKey, CustomerUpsert request, String fingerprint) {
    SyncOperation operation = SyncOperation.CUSTOMER_UPSERT;
    return idempotently(
        partnerId,
        idempotencyKey,
        operation,
        fingerprint,
        claim -> {
          Optional<CustomerSync> known =
              ledger.customer(partnerId, request.tenantId(), request.customerId());
          if (known.isPresent() && known.get().appliedVersion() > request.version()) {
            return ledger.stale(
                claim,
                new SyncResponses.CustomerSynced(
                    request.tenantId(),
                    request.customerId(),
                    request.version(),
                    known.get().erpCustomerId(),
                    SyncResponses.Outcome.STALE_IGNORED));
          }
          return throughErp(
              claim,
              partnerId,
              operation,
              idempotencyKey,
              request,
              () -> erp.upsertCustomer(partnerId, toErp(request), deadline),
              outcome -> ledger.customerSynced(claim, partnerId, request, outcome));
        });
  }

  SyncResult createOrder(
      String partnerId, String idempotencyKey, OrderCreate request, String fingerprint) {
    SyncOperation operation = SyncOperation.ORDER_CREATE;
    return idempotently(
        partnerId,
        idempotencyKey,
        operation,
        fingerprint,
        claim -> {
          Optional<OrderSync> known =
              ledger.order(partnerId, request.tenantId(), request.orderId());
          if (known.isPresent() && known.get().appliedVersion() > request.version()) {
            return ledger.stale(
                claim,
                new SyncResponses.OrderSynced(
                    request.tenantId(),
                    request.orderId(),
                    request.version(),
                    known.get().erpOrderId(),
                    SyncResponses.Outcome.STALE_IGNORED));
          }
          return throughErp(
              claim,
              partnerId,
              operation,
              idempotencyKey,
              request,
              () -> erp.createOrder(partnerId, toErp(request), deadline),
              outcome -> ledger.orderSynced(claim, partnerId, request, outcome));
        });
  }

  SyncResult changeOrderStatus(
      String partnerId,
      String idempotencyKey,
      String orderId,
      OrderStatusChange request,
      String fingerprint) {
    SyncOperation operation = SyncOperation.ORDER_STATUS;
    return idempotently(
        partnerId,
        idempotencyKey,
        operation,
        fingerprint,
        claim -> {
          Optional<OrderSync> order = ledger.order(partnerId, request.tenantId(), orderId);
          if (order.isEmpty()) {
            if (ledger.orderCreateQueued(partnerId, request.tenantId(), orderId)) {
              // The change must reach the ERP after the create, so it waits in the same queue.
              return ledger.queued(
                  claim,
                  partnerId,
                  operation,
                  idempotencyKey,
                  request,
                  "The order's create is still queued for the ERP");
            }
            throw new ProblemException(
                ErrorCode.ORDER_NOT_FOUND,
                "Order " + orderId + " was never sent to the hub; send it first.");
          }
          OrderSync known = order.get();
          if (known.statusVersion() >= request.version()) {
            return ledger.stale(
                claim,
                new SyncResponses.OrderStatusSynced(
                    request.tenantId(),
                    orderId,
                    known.status(),
                    known.statusVersion(),
                    SyncResponses.Outcome.STALE_IGNORED));
          }
          ErpOrderStatus change =
              new ErpOrderStatus(request.tenantId(), orderId, request.status(), request.version());
          return throughErp(
              claim,
              partnerId,
              operation,
              idempotencyKey,
              request,
              () -> erp.updateOrderStatus(partnerId, change, deadline),
              outcome -> ledger.statusSynced(claim, partnerId, orderId, request));
        });
  }

  private SyncResult idempotently(
      String partnerId,
      String idempotencyKey,
      SyncOperation operation,
      String fingerprint,
      Function<IdempotencyClaim.Acquired, SyncResult> work) {
    IdempotencyRecord.Key key = new IdempotencyRecord.Key(partnerId, idempotencyKey);
    tenants.require(partnerId, tenantOf(idempotencyKey));
    IdempotencyClaim claim = gate.claim(key, operation.name(), fingerprint);
    if (claim instanceof IdempotencyClaim.Replay replay) {
      return new SyncResult(replay.response().status(), replay.response().body(), true);
    }
    IdempotencyClaim.Acquired acquired = (IdempotencyClaim.Acquired) claim;
    try {
      return work.apply(acquired);
    } catch (RuntimeException e) {
      idempotency.release(acquired);
      throw e;
    }
  }

  /** The key's second part is the tenant (checked against the body before we get here). */
  private static String tenantOf(String idempotencyKey) {
    return idempotencyKey.split(":", -1)[1];
  }

  private SyncResult throughErp(
      IdempotencyClaim.Acquired claim,
      String partnerId,
      SyncOperation operation,
      String idempotencyKey,
      Object request,
      Supplier<ErpOutcome> call,
      Function<ErpOutcome, SyncResult> record) {
    ErpOutcome outcome;
    try {
      outcome = call.get();
    } catch (ErpUnavailableException e) {
      return ledger.queued(claim, partnerId, operation, idempotencyKey, request, e.getMessage());
    } catch (ErpRejectedException e) {
      return ledger.rejected(claim, e.getMessage());
    }
    return record.apply(outcome);
  }

  static ErpCustomer toErp(CustomerUpsert request) {
    return new ErpCustomer(
        request.tenantId(),
        request.customerId(),
        request.version(),
        request.name(),
        request.email(),
        request.countryCode());
  }

  static ErpOrder toErp(OrderCreate request) {
    return new ErpOrder(
        request.tenantId(),
        request.orderId(),
        request.version(),
        request.customerRef(),
        request.currency(),
        request.totals().netMinor(),
        request.totals().taxMinor(),
        request.totals().grossMinor(),
        request.lines().stream()
            .map(
                l ->
                    new ErpOrder.Line(
                        l.sku(), l.quantity(), l.unitPriceMinor(), l.lineTotalMinor()))
            .toList());
  }
}
