package io.b2bhub.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The hub's record of an order it synced to the ERP: the newest order version and status version
 * applied, the totals, and the ERP id. {@code updatedAt} drives the order export.
 */
@Entity
@Table(name = "order_sync")
@NamedQuery(
    name = "OrderSync.findByKey",
    query =
        "SELECT o FROM OrderSync o WHERE o.partnerId = :partnerId AND o.tenantId = :tenantId"
            + " AND o.orderId = :orderId")
public class OrderSync {
  @Id
  @SequenceGenerator(name = "sync_seq", sequenceName = "sync_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_seq")
  private Long id;

  @Column(name = "partner_id", nullable = false, length = 40)
  private String partnerId;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "order_id", nullable = false, length = 64)
  private String orderId;

  @Column(name = "applied_version", nullable = false)
  private long appliedVersion;

  @Column(nullable = false, length = 32)
  private String status;

  @Column(name = "status_version", nullable = false)
  private long statusVersion;

  @Column(name = "customer_ref", nullable = false, length = 64)
  private String customerRef;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "net_minor", nullable = false)
  private long netMinor;

  @Column(name = "tax_minor", nullable = false)
  private long taxMinor;

  @Column(name = "gross_minor", nullable = false)
  private long grossMinor;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  @Column(name = "erp_order_id", length = 40)
  private String erpOrderId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected OrderSync() {}

  OrderSync(String partnerId, String tenantId, String orderId, OffsetDateTime now) {
    this.partnerId = partnerId;
    this.tenantId = tenantId;
    this.orderId = orderId;
    this.status = "PLACED";
    this.statusVersion = -1;
    this.appliedVersion = -1;
    this.createdAt = now;
  }

  void applied(OrderCreate order, String erpOrderId, OffsetDateTime now) {
    this.appliedVersion = order.version();
    this.customerRef = order.customerRef();
    this.currency = order.currency();
    this.netMinor = order.totals().netMinor();
    this.taxMinor = order.totals().taxMinor();
    this.grossMinor = order.totals().grossMinor();
    this.lineCount = order.lines().size();
    this.erpOrderId = erpOrderId;
    this.updatedAt = now;
  }

  void statusApplied(String status, long version, OffsetDateTime now) {
    this.status = status;
    this.statusVersion = version;
    this.updatedAt = now;
  }

  long appliedVersion() {
    return appliedVersion;
  }

  long statusVersion() {
    return statusVersion;
  }

  String status() {
    return status;
  }

  String erpOrderId() {
    return erpOrderId;
  }

  Long id() {
    return id;
  }

  OffsetDateTime updatedAt() {
    return updatedAt;
  }

  ExportedOrder exported() {
    return new ExportedOrder(
        orderId,
        tenantId,
        status,
        appliedVersion,
        statusVersion,
        customerRef,
        currency,
        grossMinor,
        netMinor,
        taxMinor,
        lineCount,
        erpOrderId,
        updatedAt.toInstant());
  }
}
