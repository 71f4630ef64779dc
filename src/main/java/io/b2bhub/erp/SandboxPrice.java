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

/** An article's price on one of a tenant's price lists in the sandbox ERP. */
@Entity
@Table(name = "erp_sandbox_price")
@NamedQuery(
    name = "SandboxPrice.findByKey",
    query =
        "SELECT p FROM SandboxPrice p WHERE p.tenantId = :tenantId"
            + " AND p.priceListId = :priceListId AND p.articleNumber = :articleNumber")
public class SandboxPrice {
  @Id
  @SequenceGenerator(
      name = "erp_sandbox_seq",
      sequenceName = "erp_sandbox_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erp_sandbox_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "price_list_id", nullable = false, length = 64)
  private String priceListId;

  @Column(name = "article_number", nullable = false, length = 64)
  private String articleNumber;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false)
  private long version;

  @Column(name = "effective_at", nullable = false)
  private OffsetDateTime effectiveAt;

  protected SandboxPrice() {}

  SandboxPrice(String tenantId, String priceListId, String articleNumber) {
    this.tenantId = tenantId;
    this.priceListId = priceListId;
    this.articleNumber = articleNumber;
  }

  /** Sets the price; true when it changed (a new version), false when it was this already. */
  boolean set(long amountMinor, String currency, OffsetDateTime effectiveAt) {
    if (version > 0
        && this.amountMinor == amountMinor
        && this.currency.equals(currency)
        && this.effectiveAt.isEqual(effectiveAt)) {
      return false;
    }
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.effectiveAt = effectiveAt;
    this.version++;
    return true;
  }

  String tenantId() {
    return tenantId;
  }

  String priceListId() {
    return priceListId;
  }

  String articleNumber() {
    return articleNumber;
  }

  long amountMinor() {
    return amountMinor;
  }

  String currency() {
    return currency;
  }

  long version() {
    return version;
  }

  OffsetDateTime effectiveAt() {
    return effectiveAt;
  }

  ErpRecords.Price view() {
    return new ErpRecords.Price(
        tenantId,
        priceListId,
        articleNumber,
        amountMinor,
        currency,
        version,
        effectiveAt.toInstant());
  }
}
