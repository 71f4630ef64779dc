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
 * The hub's record of a customer it synced to the ERP: the newest version applied and the ERP id.
 */
@Entity
@Table(name = "customer_sync")
@NamedQuery(
    name = "CustomerSync.findByKey",
    query =
        "SELECT c FROM CustomerSync c WHERE c.partnerId = :partnerId AND c.tenantId = :tenantId"
            + " AND c.customerId = :customerId")
public class CustomerSync {
  @Id
  @SequenceGenerator(name = "sync_seq", sequenceName = "sync_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_seq")
  private Long id;

  @Column(name = "partner_id", nullable = false, length = 40)
  private String partnerId;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "customer_id", nullable = false, length = 64)
  private String customerId;

  @Column(name = "applied_version", nullable = false)
  private long appliedVersion;

  @Column(name = "erp_customer_id", length = 40)
  private String erpCustomerId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected CustomerSync() {}

  CustomerSync(String partnerId, String tenantId, String customerId, OffsetDateTime now) {
    this.partnerId = partnerId;
    this.tenantId = tenantId;
    this.customerId = customerId;
    this.createdAt = now;
  }

  void applied(long version, String erpCustomerId, OffsetDateTime now) {
    this.appliedVersion = Math.max(appliedVersion, version);
    this.erpCustomerId = erpCustomerId;
    this.updatedAt = now;
  }

  long appliedVersion() {
    return appliedVersion;
  }

  String erpCustomerId() {
    return erpCustomerId;
  }

  Long id() {
    return id;
  }

  OffsetDateTime updatedAt() {
    return updatedAt;
  }

  ExportedCustomer exported() {
    return new ExportedCustomer(
        customerId, tenantId, appliedVersion, erpCustomerId, updatedAt.toInstant());
  }
}
