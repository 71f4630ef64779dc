package io.b2bhub.webshop;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webshop sandbox's books: every push by tenant and idempotency key (a repeat is answered from
 * here, the same key with another body is refused), and the state the pushes built, where an older
 * version never overwrites a newer one.
 */
@ApplicationScoped
@Transactional
public class WebshopSandboxBooks {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  /** A push as the books take it: its key, the body's hash, and the change it asks for. */
  record Push(
      String idempotencyKey,
      String bodyHash,
      String kind,
      String tenantId,
      String subject,
      Change change) {}

  /** A version-guarded change: true when applied, false when the books already hold a newer one. */
  @FunctionalInterface
  interface Change {
    boolean applyTo(WebshopSandboxBooks books);
  }

  public WebshopReceipt receive(Push push) {
    List<?> known =
        em.createNativeQuery(
                "SELECT body_hash, outcome, replays FROM webshop_sandbox_receipt"
                    + " WHERE tenant_id = ? AND idempotency_key = ?")
            .setParameter(1, push.tenantId())
            .setParameter(2, push.idempotencyKey())
            .getResultList();
    if (!known.isEmpty()) {
      Object[] row = (Object[]) known.get(0);
      if (!push.bodyHash().equals(row[0])) {
        throw new ProblemException(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key " + push.idempotencyKey() + " was used with another body.");
      }
      int replays = ((Number) row[2]).intValue() + 1;
      em.createNativeQuery(
              "UPDATE webshop_sandbox_receipt SET replays = ?"
                  + " WHERE tenant_id = ? AND idempotency_key = ?")
          .setParameter(1, replays)
          .setParameter(2, push.tenantId())
          .setParameter(3, push.idempotencyKey())
          .executeUpdate();
      return new WebshopReceipt(push.idempotencyKey(), WebshopReceipt.Outcome.REPLAYED, replays);
    }
    WebshopReceipt.Outcome outcome =
        push.change().applyTo(this) ? WebshopReceipt.Outcome.APPLIED : WebshopReceipt.Outcome.STALE;
    em.createNativeQuery(
            "INSERT INTO webshop_sandbox_receipt (idempotency_key, body_hash, kind, tenant_id,"
                + " subject, outcome, replays, received_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")
        .setParameter(1, push.idempotencyKey())
        .setParameter(2, push.bodyHash())
        .setParameter(3, push.kind())
        .setParameter(4, push.tenantId())
        .setParameter(5, push.subject())
        .setParameter(6, outcome.name())
        .setParameter(7, OffsetDateTime.now(clock))
        .executeUpdate();
    return new WebshopReceipt(push.idempotencyKey(), outcome, 0);
  }

  boolean paymentStatus(JsonObject body) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return applyIfNewer(
        "UPDATE webshop_sandbox_payment SET status = ?, version = ?, updated_at = ?"
            + " WHERE tenant_id = ? AND order_id = ? AND version < ?",
        new Object[] {
          body.getString("status"),
          version(body),
          now,
          tenant(body),
          body.getString("orderId"),
          version(body)
        },
        "SELECT 1 FROM webshop_sandbox_payment WHERE tenant_id = ? AND order_id = ?",
        new Object[] {tenant(body), body.getString("orderId")},
        "INSERT INTO webshop_sandbox_payment (status, version, updated_at, tenant_id, order_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        new Object[] {
          body.getString("status"), version(body), now, tenant(body), body.getString("orderId")
        });
  }

  boolean invoice(JsonObject body) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime expires = OffsetDateTime.parse(body.getString("documentTokenExpiresAt"));
    Object[] values = {
      body.getString("orderId"),
      body.getString("status"),
      version(body),
      body.getString("documentUrl"),
      expires,
      now,
      tenant(body),
      body.getString("invoiceNumber")
    };
    return applyIfNewer(
        "UPDATE webshop_sandbox_invoice SET order_id = ?, status = ?, version = ?,"
            + " document_url = ?, link_expires_at = ?, updated_at = ?"
            + " WHERE tenant_id = ? AND invoice_number = ? AND version < ?",
        append(values, version(body)),
        "SELECT 1 FROM webshop_sandbox_invoice WHERE tenant_id = ? AND invoice_number = ?",
        new Object[] {tenant(body), body.getString("invoiceNumber")},
        "INSERT INTO webshop_sandbox_invoice (order_id, status, version, document_url,"
            + " link_expires_at, updated_at, tenant_id, invoice_number)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values);
  }

  boolean price(String tenantId, JsonObject price) {
    long version = price.getJsonNumber("externalVersion").longValue();
    Object[] values = {
      price.getJsonNumber("amountMinor").longValue(),
      price.getString("currency"),
      version,
      OffsetDateTime.parse(price.getString("effectiveAt")),
      tenantId,
      price.getString("priceListId"),
      price.getString("articleNumber")
    };
    return applyIfNewer(
        "UPDATE webshop_sandbox_price SET amount_minor = ?, currency = ?, version = ?,"
            + " effective_at = ? WHERE tenant_id = ? AND price_list_id = ? AND article_number = ?"
            + " AND version < ?",
        append(values, version),
        "SELECT 1 FROM webshop_sandbox_price"
            + " WHERE tenant_id = ? AND price_list_id = ? AND article_number = ?",
        new Object[] {tenantId, price.getString("priceListId"), price.getString("articleNumber")},
        "INSERT INTO webshop_sandbox_price (amount_minor, currency, version, effective_at,"
            + " tenant_id, price_list_id, article_number) VALUES (?, ?, ?, ?, ?, ?, ?)",
        values);
  }

  /** The order as the webshop sees it: its payment status and the invoices linked to it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Object> order(String tenantId, String orderId) {
    List<?> payment =
        em.createNativeQuery(
                "SELECT status, version FROM webshop_sandbox_payment"
                    + " WHERE tenant_id = ? AND order_id = ?")
            .setParameter(1, tenantId)
            .setParameter(2, orderId)
            .getResultList();
    List<Map<String, Object>> invoices =
        rows(
            em.createNativeQuery(
                    "SELECT invoice_number, status, version, document_url FROM"
                        + " webshop_sandbox_invoice WHERE tenant_id = ? AND order_id = ?"
                        + " ORDER BY invoice_number")
                .setParameter(1, tenantId)
                .setParameter(2, orderId),
            "invoiceNumber",
            "status",
            "version",
            "documentUrl");
    Object[] paid = payment.isEmpty() ? null : (Object[]) payment.get(0);
    return Map.of(
        "tenantId", tenantId,
        "orderId", orderId,
        "paymentStatus", paid == null ? "UNKNOWN" : paid[0],
        "paymentVersion", paid == null ? 0 : ((Number) paid[1]).longValue(),
        "invoices", invoices);
  }

  /** The document link the webshop holds for an invoice of this order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> documentUrl(String tenantId, String orderId, String invoiceNumber) {
    return em.createNativeQuery(
            "SELECT document_url FROM webshop_sandbox_invoice"
                + " WHERE tenant_id = ? AND order_id = ? AND invoice_number = ?")
        .setParameter(1, tenantId)
        .setParameter(2, orderId)
        .setParameter(3, invoiceNumber)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Map<String, Object>> prices(String tenantId) {
    return rows(
        em.createNativeQuery(
                "SELECT price_list_id, article_number, amount_minor, currency, version FROM"
                    + " webshop_sandbox_price WHERE tenant_id = ?"
                    + " ORDER BY price_list_id, article_number")
            .setParameter(1, tenantId),
        "priceListId",
        "articleNumber",
        "amountMinor",
        "currency",
        "version");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Map<String, Object>> receipts(String tenantId) {
    return rows(
        em.createNativeQuery(
                "SELECT idempotency_key, kind, subject, outcome, replays FROM"
                    + " webshop_sandbox_receipt WHERE tenant_id = ? ORDER BY received_at,"
                    + " idempotency_key")
            .setParameter(1, tenantId),
        "idempotencyKey",
        "kind",
        "subject",
        "outcome",
        "replays");
  }

  private boolean applyIfNewer(
      String update,
      Object[] updateValues,
      String exists,
      Object[] existsValues,
      String insert,
      Object[] insertValues) {
    if (bind(em.createNativeQuery(update), updateValues).executeUpdate() > 0) {
      return true;
    }
    if (!bind(em.createNativeQuery(exists), existsValues).getResultList().isEmpty()) {
      // The row may have been committed by a concurrent push after the update above looked: only
      // an update that sees it decides whether this version is newer (else v2 could be "stale"
      // against the v1 that was inserted meanwhile).
      return bind(em.createNativeQuery(update), updateValues).executeUpdate() > 0;
    }
    bind(em.createNativeQuery(insert), insertValues).executeUpdate();
    return true;
  }

  private static Query bind(Query query, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    return query;
  }

  private static Object[] append(Object[] values, Object last) {
    Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }

  private static List<Map<String, Object>> rows(Query query, String... names) {
    return ((List<?>) query.getResultList())
        .stream()
            .map(
                r -> {
                  Object[] row = r instanceof Object[] many ? many : new Object[] {r};
                  Map<String, Object> map = new java.util.LinkedHashMap<>();
                  for (int i = 0; i < names.length; i++) {
                    map.put(names[i], row[i] instanceof Number n ? n.longValue() : row[i]);
                  }
                  return map;
                })
            .toList();
  }

  private static String tenant(JsonObject body) {
    return body.getString("tenantId");
  }

  private static long version(JsonObject body) {
    return body.getJsonNumber("externalVersion").longValue();
  }
}
