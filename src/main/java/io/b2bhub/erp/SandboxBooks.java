package io.b2bhub.erp;

import io.b2bhub.platform.CommitDurability;
import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpChange;
import io.b2bhub.platform.erp.ErpCustomer;
import io.b2bhub.platform.erp.ErpOrder;
import io.b2bhub.platform.erp.ErpOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox ERP's bookkeeping. Like a real ERP it assigns its own ids and treats a repeated
 * create of the same order as the same order. It stands in for another system's database, so its
 * writes do not wait for the disk: a database crash may undo its last fraction of a second, as a
 * sandbox may (see {@link CommitDurability}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SandboxBooks {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject CommitDurability durability;

  public ErpOutcome upsertCustomer(ErpCustomer customer) {
    durability.relaxForCurrentTransaction();
    Optional<SandboxCustomer> existing = findCustomer(customer.tenantId(), customer.customerId());
    SandboxCustomer row =
        existing.orElseGet(() -> new SandboxCustomer(customer.tenantId(), customer.customerId()));
    row.update(customer.version(), customer.name(), customer.email(), OffsetDateTime.now(clock));
    if (existing.isEmpty()) {
      em.persist(row);
      row.assignExternalId();
    }
    return new ErpOutcome(row.externalId(), existing.isEmpty());
  }

  public ErpOutcome createOrder(ErpOrder order) {
    durability.relaxForCurrentTransaction();
    Optional<SandboxOrder> existing = findOrder(order.tenantId(), order.orderId());
    if (existing.isPresent()) {
      return new ErpOutcome(existing.get().externalId(), false);
    }
    SandboxOrder row =
        new SandboxOrder(
            order.tenantId(),
            order.orderId(),
            order.version(),
            order.customerRef(),
            order.currency(),
            order.grossMinor(),
            order.lines() == null ? 0 : order.lines().size(),
            OffsetDateTime.now(clock));
    em.persist(row);
    row.assignExternalId();
    return new ErpOutcome(row.externalId(), true);
  }

  public ErpOutcome changeStatus(String tenantId, String orderId, ErpRecords.StatusChange change) {
    durability.relaxForCurrentTransaction();
    SandboxOrder order =
        findOrder(tenantId, orderId)
            .orElseThrow(
                () -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such order."));
    order.changeStatus(change.status(), change.version(), OffsetDateTime.now(clock));
    return new ErpOutcome(order.externalId(), false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ErpRecords.Order order(String tenantId, String orderId) {
    return findOrder(tenantId, orderId)
        .map(SandboxOrder::view)
        .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such order."));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ErpRecords.Customer customer(String tenantId, String customerId) {
    return findCustomer(tenantId, customerId)
        .map(SandboxCustomer::view)
        .orElseThrow(
            () -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such customer."));
  }

  /** The ERP loses an order (a restore from an old backup): for rehearsing reconciliation. */
  public void loseOrder(String tenantId, String orderId) {
    em.remove(
        findOrder(tenantId, orderId)
            .orElseThrow(
                () -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such order.")));
  }

  /** Raises an invoice over the order's total, as the ERP's billing run would. */
  public ErpRecords.Invoice issueInvoice(String tenantId, String orderId) {
    SandboxOrder order =
        findOrder(tenantId, orderId)
            .orElseThrow(
                () -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such order."));
    OffsetDateTime now = OffsetDateTime.now(clock);
    SandboxInvoice invoice = new SandboxInvoice(order.view(), now);
    em.persist(invoice);
    invoice.assignNumber();
    ErpRecords.Invoice issued = invoice.view();
    em.persist(SandboxChange.ofInvoice(nextChangeSeq(), ErpChange.Kind.INVOICE, issued, now));
    return issued;
  }

  /** Records the payment of an invoice; paying it twice changes nothing. */
  public ErpRecords.Invoice payInvoice(String invoiceNumber) {
    SandboxInvoice invoice = requireInvoice(invoiceNumber);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (invoice.paid(now)) {
      ErpRecords.Invoice paid = invoice.view();
      em.persist(SandboxChange.ofInvoice(nextChangeSeq(), ErpChange.Kind.INVOICE, paid, now));
      em.persist(SandboxChange.ofInvoice(nextChangeSeq(), ErpChange.Kind.PAYMENT, paid, now));
    }
    return invoice.view();
  }

  /** Sets an article's price on a price list; setting the price it has changes nothing. */
  public ErpRecords.Price setPrice(
      String tenantId, String priceListId, String articleNumber, ErpRecords.PriceChange change) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<SandboxPrice> existing =
        em.createNamedQuery("SandboxPrice.findByKey", SandboxPrice.class)
            .setParameter("tenantId", tenantId)
            .setParameter("priceListId", priceListId)
            .setParameter("articleNumber", articleNumber)
            .getResultStream()
            .findFirst();
    SandboxPrice price =
        existing.orElseGet(() -> new SandboxPrice(tenantId, priceListId, articleNumber));
    OffsetDateTime effective =
        change.effectiveAt() == null
            ? now
            : OffsetDateTime.ofInstant(change.effectiveAt(), java.time.ZoneOffset.UTC);
    if (price.set(change.amountMinor(), change.currency(), effective)) {
      if (existing.isEmpty()) {
        em.persist(price);
      }
      em.persist(SandboxChange.ofPrice(nextChangeSeq(), price, now));
    }
    return price.view();
  }

  /** The change feed after {@code afterSeq}, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ErpChange> changesAfter(long afterSeq, int limit) {
    return em.createNamedQuery("SandboxChange.findAfter", SandboxChange.class)
        .setParameter("after", afterSeq)
        .setMaxResults(limit)
        .getResultStream()
        .map(SandboxChange::view)
        .toList();
  }

  /**
   * The next feed position. The update locks the feed head until this transaction ends, so changes
   * commit in the order of their positions: a reader never misses one that commits late.
   */
  private long nextChangeSeq() {
    em.createNativeQuery("UPDATE erp_sandbox_feed_head SET last_seq = last_seq + 1 WHERE id = 1")
        .executeUpdate();
    return ((Number)
            em.createNativeQuery("SELECT last_seq FROM erp_sandbox_feed_head WHERE id = 1")
                .getSingleResult())
        .longValue();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ErpRecords.Invoice invoice(String invoiceNumber) {
    return requireInvoice(invoiceNumber).view();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ErpRecords.Invoice> invoices(String tenantId) {
    return em.createNamedQuery("SandboxInvoice.findByTenant", SandboxInvoice.class)
        .setParameter("tenantId", tenantId)
        .getResultStream()
        .map(SandboxInvoice::view)
        .toList();
  }

  private SandboxInvoice requireInvoice(String invoiceNumber) {
    return em.createNamedQuery("SandboxInvoice.findByNumber", SandboxInvoice.class)
        .setParameter("invoiceNumber", invoiceNumber)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new ProblemException(ErrorCode.NOT_FOUND, "The ERP has no such invoice."));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ErpRecords.Customer> customers(String tenantId) {
    return em.createNamedQuery("SandboxCustomer.findByTenant", SandboxCustomer.class)
        .setParameter("tenantId", tenantId)
        .getResultStream()
        .map(SandboxCustomer::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ErpRecords.Order> orders(String tenantId) {
    return em.createNamedQuery("SandboxOrder.findByTenant", SandboxOrder.class)
        .setParameter("tenantId", tenantId)
        .getResultStream()
        .map(SandboxOrder::view)
        .toList();
  }

  private Optional<SandboxCustomer> findCustomer(String tenantId, String customerId) {
    return em.createNamedQuery("SandboxCustomer.findByKey", SandboxCustomer.class)
        .setParameter("tenantId", tenantId)
        .setParameter("customerId", customerId)
        .getResultStream()
        .findFirst();
  }

  private Optional<SandboxOrder> findOrder(String tenantId, String orderId) {
    return em.createNamedQuery("SandboxOrder.findByKey", SandboxOrder.class)
        .setParameter("tenantId", tenantId)
        .setParameter("orderId", orderId)
        .getResultStream()
        .findFirst();
  }
}
