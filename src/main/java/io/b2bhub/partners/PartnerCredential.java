package io.b2bhub.partners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One credential of a partner. A rotated credential keeps working until {@code expiresAt} (the
 * overlap window); a revoked one stops at once.
 */
@Entity
@EntityListeners(PartnerAccessChanges.class)
@Table(name = "partner_credential")
@NamedQuery(
    name = "PartnerCredential.findByPartner",
    query =
        "SELECT c FROM PartnerCredential c WHERE c.partner = :partner"
            + " ORDER BY c.createdAt, c.id")
@NamedQuery(
    name = "PartnerCredential.findByPartnerAndKind",
    query = "SELECT c FROM PartnerCredential c WHERE c.partner = :partner AND c.kind = :kind")
@NamedQuery(
    name = "PartnerCredential.findByCredentialId",
    query =
        "SELECT c FROM PartnerCredential c WHERE c.partner = :partner"
            + " AND c.credentialId = :credentialId")
@NamedQuery(
    name = "PartnerCredential.findByKindAndLookupKey",
    query =
        "SELECT c FROM PartnerCredential c JOIN FETCH c.partner"
            + " WHERE c.kind = :kind AND c.lookupKey = :lookupKey")
public class PartnerCredential {
  @Id
  @SequenceGenerator(
      name = "partner_credential_seq",
      sequenceName = "partner_credential_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_credential_seq")
  private Long id;

  @Column(name = "credential_id", nullable = false, updatable = false, length = 36)
  private String credentialId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partner_ref", nullable = false, updatable = false)
  private Partner partner;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 24)
  private CredentialKind kind;

  @Column(length = 200)
  private String label;

  @Column(name = "lookup_key", nullable = false, updatable = false, length = 200)
  private String lookupKey;

  @Column(name = "public_value", length = 4096)
  private String publicValue;

  @Column(length = 1000)
  private String scopes;

  @Column(name = "secret_ciphertext")
  private byte[] secretCiphertext;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected PartnerCredential() {}

  PartnerCredential(
      Partner partner,
      CredentialKind kind,
      String label,
      String lookupKey,
      String publicValue,
      List<String> scopes,
      byte[] secretCiphertext,
      OffsetDateTime now) {
    this.credentialId = UUID.randomUUID().toString();
    this.partner = partner;
    this.kind = kind;
    this.label = label;
    this.lookupKey = lookupKey;
    this.publicValue = publicValue;
    this.scopes = scopes == null || scopes.isEmpty() ? null : String.join(" ", scopes);
    this.secretCiphertext = secretCiphertext;
    this.createdAt = now;
  }

  public boolean isActive(OffsetDateTime now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** Until when it works: null for no end, and a revoked credential's validity has ended. */
  ClientAccess.Validity validity() {
    return new ClientAccess.Validity(revokedAt != null, expiresAt);
  }

  void expireAt(OffsetDateTime when) {
    if (expiresAt == null || expiresAt.isAfter(when)) {
      expiresAt = when;
    }
  }

  void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String credentialId() {
    return credentialId;
  }

  public Partner partner() {
    return partner;
  }

  public CredentialKind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public String lookupKey() {
    return lookupKey;
  }

  public String publicValue() {
    return publicValue;
  }

  public List<String> scopes() {
    return scopes == null ? List.of() : Arrays.asList(scopes.split(" "));
  }

  public byte[] secretCiphertext() {
    return secretCiphertext;
  }

  public CredentialView view(OffsetDateTime now) {
    return new CredentialView(
        credentialId,
        kind,
        label,
        lookupKey,
        scopes(),
        createdAt.toInstant(),
        expiresAt == null ? null : expiresAt.toInstant(),
        revokedAt == null ? null : revokedAt.toInstant(),
        state(now));
  }

  private CredentialView.State state(OffsetDateTime now) {
    if (revokedAt != null) {
      return CredentialView.State.REVOKED;
    }
    if (expiresAt == null) {
      return CredentialView.State.ACTIVE;
    }
    return expiresAt.isAfter(now) ? CredentialView.State.EXPIRING : CredentialView.State.EXPIRED;
  }
}
