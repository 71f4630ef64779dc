package io.b2bhub.erp;

import io.b2bhub.platform.erp.ErpChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An entry of the sandbox ERP's change feed, written in the same transaction as the change. Its
 * {@code seq} comes from the locked feed head, so entries commit in {@code seq} order and a reader
 * that has seen {@code seq} n never later finds a smaller one.
 */
@Entity
@Table(name = "erp_sandbox_change")
@NamedQuery(
    name = "SandboxChange.findAfter",
    query = "SELECT c FROM SandboxChange c WHERE c.seq > :after ORDER BY c.seq")
public class SandboxChange {
  @Id private long seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ErpChange.Kind kind;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "order_id", length = 64)
  private String orderId;

  @Column(name = "invoice_number", length = 40)
  private String invoiceNumber;

  @Column(length = 16)
  private String status;

  @Column(name = "article_number", length = 64)
  private String articleNumber;

  @Column(name = "price_list_id", length = 64)
  private String priceListId;

  @Column(name = "amount_minor")
  private Long amountMinor;

  @Column(length = 3)
  private String currency;

  @Column(nullable = false)
  private long version;

  @Column(name = "effective_at")
  private OffsetDateTime effectiveAt;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  protected SandboxChange() {}

  static SandboxChange ofInvoice(
      long seq, ErpChange.Kind kind, ErpRecords.Invoice invoice, OffsetDateTime now) {
    SandboxChange change = new SandboxChange();
    change.seq = seq;
    change.kind = kind;
    change.tenantId = invoice.tenantId();
    change.orderId = invoice.orderId();
    change.invoiceNumber = invoice.invoiceNumber();
    change.status = invoice.status();
    change.amountMinor = invoice.grossMinor();
    change.currency = invoice.currency();
    change.version = invoice.version();
    change.occurredAt = now;
    return change;
  }

  static SandboxChange ofPrice(long seq, SandboxPrice price, OffsetDateTime now) {
    SandboxChange change = new SandboxChange();
    change.seq = seq;
    change.kind = ErpChange.Kind.PRICE;
    change.tenantId = price.tenantId();
    change.articleNumber = price.articleNumber();
    change.priceListId = price.priceListId();
    change.amountMinor = price.amountMinor();
    change.currency = price.currency();
    change.version = price.version();
    change.effectiveAt = price.effectiveAt();
    change.occurredAt = now;
    return change;
  }

  ErpChange view() {
    return new ErpChange(
        seq,
        kind,
        tenantId,
        orderId,
        invoiceNumber,
        status,
        articleNumber,
        priceListId,
        amountMinor,
        currency,
        version,
        effectiveAt == null ? null : effectiveAt.toInstant(),
        occurredAt.toInstant());
  }
}
