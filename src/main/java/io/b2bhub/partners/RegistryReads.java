package io.b2bhub.partners;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The two registry reads every access check starts from: a partner, and its live credentials. */
final class RegistryReads {
  private RegistryReads() {}

  static Partner partner(EntityManager em, String partnerId) {
    return em.createNamedQuery("Partner.findByPartnerId", Partner.class)
        .setParameter("partnerId", partnerId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** The partner's credentials of one kind that are not revoked (expiry is checked per use). */
  static List<PartnerCredential> unrevoked(EntityManager em, Partner partner, CredentialKind kind) {
    return em.createNamedQuery("PartnerCredential.findByPartnerAndKind", PartnerCredential.class)
        .setParameter("partner", partner)
        .setParameter("kind", kind)
        .getResultStream()
        .filter(c -> !c.validity().revoked())
        .toList();
  }
}
