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

/** A customer in the sandbox ERP's own books. */
@Entity
@Table(name = "erp_sandbox_customer")
@NamedQuery(
    name = "SandboxCustomer.findByKey",
    query =
        "SELECT c FROM SandboxCustomer c WHERE c.tenantId = :tenantId AND c.customerId = :customerId")
@NamedQuery(
    name = "SandboxCustomer.findByTenant",
    query = "SELECT c FROM SandboxCustomer c WHERE c.tenantId = :tenantId ORDER BY c.id")
public class SandboxCustomer {
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

  @Column(name = "customer_id", nullable = false, length = 64)
  private String customerId;

  @Column(nullable = false)
  private long version;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 320)
  private String email;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SandboxCustomer() {}

  SandboxCustomer(String tenantId, String customerId) {
    this.tenantId = tenantId;
    this.customerId = customerId;
  }

  /** A real ERP keeps the newest version it was sent; older ones are ignored. */
  void update(long version, String name, String email, OffsetDateTime now) {
    if (version >= this.version) {
      this.version = version;
      this.name = name;
      this.email = email;
      this.updatedAt = now;
    }
  }

  /** The ERP's own id, derived from its row id once persisted. */
  void assignExternalId() {
    this.externalId = "ERP-C-" + id;
  }

  public String externalId() {
    return externalId;
  }

  public ErpRecords.Customer view() {
    return new ErpRecords.Customer(externalId, tenantId, customerId, version, name, email);
  }
}
