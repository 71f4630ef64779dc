package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpCustomerState;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpOrderState;
import io.b2bhub.platform.erp.ErpOrderStatus;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Manual reconciliation (runbook requirement 4): for given orders and customers of a tenant,
 * compares the hub's records, the ERP's, and what the hub last published to the webshop, reports
 * every difference, and on request repairs what it can by re-emitting the missing events.
 */
@ApplicationScoped
public class Reconciliation {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Duration ERP_DEADLINE = Duration.ofSeconds(5);

  @Inject SyncLedger sync;
  @Inject ReconciliationLedger ledger;
  @Inject ErpGateway erp;

  public Report reconcile(Request request, String operator) {
    String partnerId =
        ledger
            .ownerOf(request.tenantId())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ErrorCode.NOT_FOUND,
                        "No partner has sent for tenant " + request.tenantId()));
    List<Finding> findings = new ArrayList<>();
    try {
      for (String orderId : request.orderIds()) {
        findings.add(order(partnerId, request.tenantId(), orderId, request.repair(), operator));
      }
      for (String customerId : request.customerIds()) {
        findings.add(
            customer(partnerId, request.tenantId(), customerId, request.repair(), operator));
      }
    } catch (ErpUnavailableException e) {
      throw ProblemException.retryAfter(
          ErrorCode.SERVICE_UNAVAILABLE, "The ERP cannot be read now; reconcile later.", 30);
    }
    return new Report(request.tenantId(), request.repair(), findings);
  }

  private Finding order(
      String partnerId, String tenantId, String orderId, boolean repair, String operator) {
    Optional<OrderSync> hub = sync.order(partnerId, tenantId, orderId);
    Optional<ErpOrderState> inErp = erp.findOrder(tenantId, orderId, ERP_DEADLINE);
    Optional<EventEnvelope> published =
        ledger.latest(EventType.ERP_ORDER_SYNCED, tenantId, orderId);
    List<String> differences = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    if (hub.isEmpty()) {
      differences.add(inErp.isPresent() ? "IN_ERP_NOT_IN_HUB" : "UNKNOWN_TO_HUB_AND_ERP");
      return new Finding("order", orderId, differences, repairs, null, erpVersion(inErp), null);
    }
    OrderSync row = hub.get();
    if (inErp.isEmpty()) {
      differences.add("MISSING_IN_ERP");
      if (repair) {
        Optional<EventEnvelope> created = ledger.latest(EventType.ORDER_CREATED, tenantId, orderId);
        repairs.add(
            created.isPresent()
                ? ledger.reEmit(partnerId, created.get(), operator, "order " + orderId)
                : "NOT_REPAIRABLE: the hub keeps no order.created.v1 for it; the webshop must"
                    + " send the order again");
      }
    } else if (row.statusVersion() >= 0 && !row.status().equals(inErp.get().status())) {
      differences.add("STATUS_DIFFERS");
      if (repair) {
        erp.updateOrderStatus(
            partnerId,
            new ErpOrderStatus(tenantId, orderId, row.status(), row.statusVersion()),
            ERP_DEADLINE);
        ledger.audited(partnerId, operator, "order " + orderId + ": status sent to the ERP");
        repairs.add("STATUS_SENT_TO_ERP");
      }
    }
    long publishedVersion = version(published);
    if (inErp.isPresent() && publishedVersion < row.appliedVersion()) {
      differences.add("NOT_PUBLISHED_TO_WEBSHOP");
      if (repair) {
        repairs.add(
            publishSynced(
                partnerId,
                EventType.ERP_ORDER_SYNCED,
                tenantId,
                "orderId",
                orderId,
                row.appliedVersion(),
                inErp.get().externalId(),
                operator));
      }
    }
    return new Finding(
        "order",
        orderId,
        differences,
        repairs,
        row.appliedVersion(),
        erpVersion(inErp),
        publishedVersion < 0 ? null : publishedVersion);
  }

  private Finding customer(
      String partnerId, String tenantId, String customerId, boolean repair, String operator) {
    Optional<CustomerSync> hub = sync.customer(partnerId, tenantId, customerId);
    Optional<ErpCustomerState> inErp = erp.findCustomer(tenantId, customerId, ERP_DEADLINE);
    Optional<EventEnvelope> published =
        ledger.latest(EventType.ERP_CUSTOMER_SYNCED, tenantId, customerId);
    List<String> differences = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    Long erpVersion = inErp.map(ErpCustomerState::version).orElse(null);
    if (hub.isEmpty()) {
      differences.add(inErp.isPresent() ? "IN_ERP_NOT_IN_HUB" : "UNKNOWN_TO_HUB_AND_ERP");
      return new Finding("customer", customerId, differences, repairs, null, erpVersion, null);
    }
    CustomerSync row = hub.get();
    if (inErp.isEmpty() || inErp.get().version() < row.appliedVersion()) {
      differences.add(inErp.isEmpty() ? "MISSING_IN_ERP" : "ERP_VERSION_BEHIND");
      if (repair) {
        Optional<EventEnvelope> requested =
            ledger.latest(EventType.CUSTOMER_UPSERT_REQUESTED, tenantId, customerId);
        repairs.add(
            requested.isPresent()
                ? ledger.reEmit(partnerId, requested.get(), operator, "customer " + customerId)
                : "NOT_REPAIRABLE: the hub keeps no customer.upsert.requested.v1 for it; the"
                    + " webshop must send the customer again");
      }
    }
    long publishedVersion = version(published);
    if (inErp.isPresent() && publishedVersion < row.appliedVersion()) {
      differences.add("NOT_PUBLISHED_TO_WEBSHOP");
      if (repair) {
        repairs.add(
            publishSynced(
                partnerId,
                EventType.ERP_CUSTOMER_SYNCED,
                tenantId,
                "customerId",
                customerId,
                row.appliedVersion(),
                inErp.get().externalId(),
                operator));
      }
    }
    return new Finding(
        "customer",
        customerId,
        differences,
        repairs,
        row.appliedVersion(),
        erpVersion,
        publishedVersion < 0 ? null : publishedVersion);
  }

  /** The version the last published synced event carried, or -1 when none was published. */
  private static long version(Optional<EventEnvelope> published) {
    return published.map(e -> e.data().getJsonNumber("version").longValue()).orElse(-1L);
  }

  private String publishSynced(
      String partnerId,
      EventType type,
      String tenantId,
      String idField,
      String id,
      long version,
      String externalId,
      String operator) {
    return ledger.publish(
        partnerId,
        type,
        tenantId,
        JSON.createObjectBuilder()
            .add(idField, id)
            .add("version", version)
            .add("externalId", externalId)
            .add("syncStatus", "SYNCED")
            .build(),
        operator,
        idField.replace("Id", "") + " " + id);
  }

  private static Long erpVersion(Optional<ErpOrderState> inErp) {
    return inErp.map(ErpOrderState::version).orElse(null);
  }

  /** Which records of a tenant to reconcile, and whether to repair what differs. */
  public record Request(
      String tenantId, List<String> orderIds, List<String> customerIds, boolean repair) {}

  /** One record's comparison: what differs, what was done, the versions each side holds. */
  public record Finding(
      String kind,
      String id,
      List<String> differences,
      List<String> repairs,
      Long hubVersion,
      Long erpVersion,
      Long publishedVersion) {}

  public record Report(String tenantId, boolean repaired, List<Finding> findings) {}
}
