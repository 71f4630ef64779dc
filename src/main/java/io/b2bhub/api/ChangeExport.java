package io.b2bhub.api;

import io.b2bhub.platform.DatabaseClock;
import io.b2bhub.platform.KeysetPosition;
import io.b2bhub.platform.Page;
import io.b2bhub.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a partner's changed orders and customers in (updated_at, id) order, a page at a time.
 *
 * <p>A row is exported only once it is older than the settle window. Changes are stamped with the
 * database's clock after their row locks are taken, and a writer that has used half the window
 * before its commit rolls back (see {@link SyncLedger}), so by then no transaction can still commit
 * a change stamped earlier. That is what makes the cursor safe under concurrent writes: a reader
 * never passes a position a late commit could still fill.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeExport {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject DatabaseClock databaseClock;

  @Inject
  @ConfigProperty(name = "b2bhub.export.settle", defaultValue = "PT2S")
  Duration settle;

  public Page<ExportedOrder> orders(
      String partnerId, OffsetDateTime changedSince, PageRequest page) {
    return changes(
        "OrderSync",
        OrderSync.class,
        partnerId,
        changedSince,
        page,
        OrderSync::exported,
        o -> new KeysetPosition(o.updatedAt(), o.id()));
  }

  public Page<ExportedCustomer> customers(
      String partnerId, OffsetDateTime changedSince, PageRequest page) {
    return changes(
        "CustomerSync",
        CustomerSync.class,
        partnerId,
        changedSince,
        page,
        CustomerSync::exported,
        c -> new KeysetPosition(c.updatedAt(), c.id()));
  }

  private <E, T> Page<T> changes(
      String entity,
      Class<E> type,
      String partnerId,
      OffsetDateTime changedSince,
      PageRequest page,
      Function<E, T> view,
      Function<E, KeysetPosition> position) {
    StringBuilder jpql =
        new StringBuilder("SELECT e FROM ")
            .append(entity)
            .append(" e WHERE e.partnerId = :partnerId AND e.updatedAt <= :horizon");
    if (changedSince != null) {
      jpql.append(" AND e.updatedAt >= :changedSince");
    }
    if (page.after() != null) {
      jpql.append(
          " AND (e.updatedAt > :afterTime OR (e.updatedAt = :afterTime AND e.id > :afterId))");
    }
    jpql.append(" ORDER BY e.updatedAt, e.id");
    TypedQuery<E> query =
        em.createQuery(jpql.toString(), type)
            .setParameter("partnerId", partnerId)
            .setParameter("horizon", databaseClock.now().minus(settle));
    if (changedSince != null) {
      query.setParameter("changedSince", changedSince);
    }
    if (page.after() != null) {
      query.setParameter("afterTime", page.after().time());
      query.setParameter("afterId", page.after().id());
    }
    List<E> rows = query.setMaxResults(page.limit() + 1).getResultList();
    return Page.of(rows, page.limit(), view, position);
  }
}
