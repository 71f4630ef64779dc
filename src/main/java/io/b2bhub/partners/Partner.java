package io.b2bhub.partners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A trading partner as the registry keeps it. The internal id never leaves the hub. */
@Entity
@EntityListeners(PartnerAccessChanges.class)
@Table(name = "partner")
@NamedQuery(
    name = "Partner.findByPartnerId",
    query = "SELECT p FROM Partner p WHERE p.partnerId = :partnerId")
@NamedQuery(name = "Partner.count", query = "SELECT COUNT(p) FROM Partner p")
public class Partner {
  @Id
  @SequenceGenerator(name = "partner_seq", sequenceName = "partner_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_seq")
  private Long id;

  @Column(name = "partner_id", nullable = false, updatable = false, length = 40)
  private String partnerId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 64)
  private String mode;

  @Column(nullable = false, length = 128)
  private String security;

  @Column(nullable = false, length = 320)
  private String contact;

  @Column(length = 500)
  private String sla;

  @Column(length = 500)
  private String flows;

  @Column(name = "rate_limit", length = 16)
  private String rateLimit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PartnerStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Partner() {}

  public Partner(String partnerId, PartnerDetails details, OffsetDateTime now) {
    this.partnerId = partnerId;
    this.status = PartnerStatus.ONBOARDING;
    this.createdAt = now;
    apply(details, now);
  }

  public final void apply(PartnerDetails details, OffsetDateTime now) {
    this.name = details.name();
    this.mode = details.mode();
    this.security = details.security();
    this.contact = details.contact();
    this.sla = details.sla();
    this.flows = details.flows() == null ? null : String.join(",", details.flows());
    this.rateLimit = details.rateLimit();
    this.updatedAt = now;
  }

  public void moveTo(PartnerStatus target, OffsetDateTime now) {
    this.status = target;
    this.updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String partnerId() {
    return partnerId;
  }

  public PartnerStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** The partner's own limit, or null for the configured default. */
  public String rateLimit() {
    return rateLimit;
  }

  public PartnerView view() {
    return new PartnerView(
        partnerId,
        name,
        mode,
        security,
        contact,
        sla,
        flowList(),
        rateLimit,
        status,
        createdAt.toInstant(),
        updatedAt.toInstant(),
        version);
  }

  private List<String> flowList() {
    if (flows == null || flows.isBlank()) {
      return List.of();
    }
    return Arrays.stream(flows.split(",")).map(String::trim).toList();
  }
}
