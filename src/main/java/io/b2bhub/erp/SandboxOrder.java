package io.b2bhub.erp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An order in the sandbox ERP's own books. */
@Entity
@Table(name = "erp_sandbox_order")
@NamedQuery(
    name = "SandboxOrder.findByKey",
    query = "SELECT o FROM SandboxOrder o WHERE o.tenantId = :tenantId AND o.orderId = :orderId")
@NamedQuery(
    name = "SandboxOrder.findByTenant",
    query = "SELECT o FROM SandboxOrder o WHERE o.tenantId = :tenantId ORDER BY o.id")
public class SandboxOrder {
  @Id
  @SequenceGenerator(
      name = "erp_sandbox_seq",
      sequenceName = "erp_sandbox_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erp_sandbox_seq")
  private Long id;

  @Column(name = "external_id", nullable = false, length = 40)
  private String externalId;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "order_id", nullable = false, length = 64)
  private String orderId;

  @Column(nullable = false)
  private long version;

  @Column(nullable = false, length = 32)
  private String status;

  @Column(name = "customer_ref", nullable = false, length = 64)
  private String customerRef;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "gross_minor", nullable = false)
  private long grossMinor;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SandboxOrder() {}

  SandboxOrder(
      String tenantId,
      String orderId,
      long version,
      String customerRef,
      String currency,
      long grossMinor,
      int lineCount,
      OffsetDateTime now) {
    this.tenantId = tenantId;
    this.orderId = orderId;
    this.version = version;
    this.status = "CREATED";
    this.customerRef = customerRef;
    this.currency = currency;
    this.grossMinor = grossMinor;
    this.lineCount = lineCount;
    this.updatedAt = now;
  }

  void changeStatus(String status, long version, OffsetDateTime now) {
    this.status = status;
    this.version = Math.max(this.version, version);
    this.updatedAt = now;
  }

  /** The ERP's own id, derived from its row id once persisted. */
  void assignExternalId() {
    this.externalId = "ERP-O-" + id;
  }

  public String externalId() {
    return externalId;
  }

  public ErpRecords.Order view() {
    return new ErpRecords.Order(
        externalId,
        tenantId,
        orderId,
        version,
        status,
        customerRef,
        currency,
        grossMinor,
        lineCount);
  }
}
