package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.KeysetPosition;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** Creates, reads, updates and changes the status of partners. */
@ApplicationScoped
@Transactional
public class PartnerRegistry implements PartnerDirectory {
  private static final Logger LOG = Logger.getLogger(PartnerRegistry.class.getName());

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject PartnerCredentials credentials;
  @Inject Clock clock;

  /** Registers a partner with its first credentials; their secrets are in the result only. */
  public CreatedPartner create(NewPartner request) {
    if (findEntity(request.partnerId()).isPresent()) {
      throw new ProblemException(
          ErrorCode.PARTNER_ALREADY_EXISTS, "Partner " + request.partnerId() + " already exists.");
    }
    Partner partner = new Partner(request.partnerId(), request.details(), now());
    em.persist(partner);
    List<IssuedCredential> issued = new ArrayList<>();
    issued.add(credentials.issueOAuthClient(partner, "initial", request.scopes()));
    if (request.security().toLowerCase(Locale.ROOT).contains("hmac")) {
      issued.add(credentials.issueWebhookSecret(partner, "initial"));
    }
    if (request.ipAllowlist() != null) {
      for (String cidr : request.ipAllowlist()) {
        issued.add(credentials.addIpRange(partner, null, cidr));
      }
    }
    LOG.info(
        () ->
            "Partner "
                + partner.partnerId()
                + " registered with "
                + issued.size()
                + " credential(s)");
    return new CreatedPartner(partner.view(), issued);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PartnerView> find(String partnerId) {
    return findEntity(partnerId).map(Partner::view);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Partner require(String partnerId) {
    return findEntity(partnerId)
        .orElseThrow(
            () ->
                new ProblemException(
                    ErrorCode.PARTNER_NOT_FOUND, "No partner with id " + partnerId + "."));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<PartnerView> list(PartnerStatus status, PageRequest page) {
    StringBuilder jpql = new StringBuilder("SELECT p FROM Partner p WHERE 1 = 1");
    if (status != null) {
      jpql.append(" AND p.status = :status");
    }
    if (page.after() != null) {
      jpql.append(
          " AND (p.createdAt > :afterTime OR (p.createdAt = :afterTime AND p.id > :afterId))");
    }
    jpql.append(" ORDER BY p.createdAt, p.id");
    TypedQuery<Partner> query = em.createQuery(jpql.toString(), Partner.class);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (page.after() != null) {
      query.setParameter("afterTime", page.after().time());
      query.setParameter("afterId", page.after().id());
    }
    List<Partner> rows = query.setMaxResults(page.limit() + 1).getResultList();
    return Page.of(
        rows, page.limit(), Partner::view, p -> new KeysetPosition(p.createdAt(), p.id()));
  }

  public PartnerView update(String partnerId, PartnerDetails details, Long expectedVersion) {
    Partner partner = require(partnerId);
    if (expectedVersion != null && expectedVersion != partner.view().version()) {
      throw new ProblemException(
          ErrorCode.CONFLICT,
          "The partner changed since version " + expectedVersion + "; read it again.");
    }
    partner.apply(details, now());
    em.flush();
    return partner.view();
  }

  public PartnerView changeStatus(String partnerId, PartnerStatus target) {
    Partner partner = require(partnerId);
    if (partner.status() == target) {
      return partner.view();
    }
    if (!partner.status().canMoveTo(target)) {
      throw new ProblemException(
          ErrorCode.INVALID_STATUS_TRANSITION,
          "A partner in status "
              + partner.status()
              + " can move to "
              + partner.status().allowedNext()
              + ", not "
              + target
              + ".");
    }
    PartnerStatus previous = partner.status();
    partner.moveTo(target, now());
    credentials.applyStatus(partner);
    LOG.info(() -> "Partner " + partnerId + " moved from " + previous + " to " + target);
    em.flush();
    return partner.view();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createNamedQuery("Partner.count", Long.class).getSingleResult();
  }

  private Optional<Partner> findEntity(String partnerId) {
    return em.createNamedQuery("Partner.findByPartnerId", Partner.class)
        .setParameter("partnerId", partnerId)
        .getResultStream()
        .findFirst();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A new partner and the credentials issued with it. */
  public record CreatedPartner(PartnerView partner, List<IssuedCredential> credentials) {}
}
