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

/** An invoice in the sandbox ERP's books, raised for one of its orders. */
@Entity
@Table(name = "erp_sandbox_invoice")
@NamedQuery(
    name = "SandboxInvoice.findByNumber",
    query = "SELECT i FROM SandboxInvoice i WHERE i.invoiceNumber = :invoiceNumber")
@NamedQuery(
    name = "SandboxInvoice.findByTenant",
    query = "SELECT i FROM SandboxInvoice i WHERE i.tenantId = :tenantId ORDER BY i.id")
public class SandboxInvoice {
  @Id
  @SequenceGenerator(
      name = "erp_sandbox_seq",
      sequenceName = "erp_sandbox_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erp_sandbox_seq")
  private Long id;

  @Column(name = "invoice_number", nullable = false, length = 40)
  private String invoiceNumber;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "order_id", nullable = false, length = 64)
  private String orderId;

  @Column(name = "erp_order_id", nullable = false, length = 40)
  private String erpOrderId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "gross_minor", nullable = false)
  private long grossMinor;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(nullable = false)
  private long version;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SandboxInvoice() {}

  SandboxInvoice(ErpRecords.Order order, OffsetDateTime now) {
    this.tenantId = order.tenantId();
    this.orderId = order.orderId();
    this.erpOrderId = order.externalId();
    this.currency = order.currency();
    this.grossMinor = order.grossMinor();
    this.status = "OPEN";
    this.version = 1;
    this.issuedAt = now;
    this.updatedAt = now;
  }

  /** The ERP's invoice number, derived from its row id once persisted (before the insert). */
  void assignNumber() {
    this.invoiceNumber = "INV-" + issuedAt.getYear() + "-" + id;
  }

  /** Paying an open invoice is a change (new version); paying a paid one changes nothing. */
  boolean paid(OffsetDateTime now) {
    if ("PAID".equals(status)) {
      return false;
    }
    this.status = "PAID";
    this.version++;
    this.updatedAt = now;
    return true;
  }

  public ErpRecords.Invoice view() {
    return new ErpRecords.Invoice(
        invoiceNumber,
        tenantId,
        orderId,
        erpOrderId,
        currency,
        grossMinor,
        status,
        version,
        issuedAt.toInstant());
  }
}
