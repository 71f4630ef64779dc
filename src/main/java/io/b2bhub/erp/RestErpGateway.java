package io.b2bhub.erp;

import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.platform.CorrelationContext;
import io.b2bhub.platform.RetryPolicy;
import io.b2bhub.platform.erp.ErpChange;
import io.b2bhub.platform.erp.ErpCustomer;
import io.b2bhub.platform.erp.ErpCustomerState;
import io.b2bhub.platform.erp.ErpDocument;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpInvoice;
import io.b2bhub.platform.erp.ErpOrder;
import io.b2bhub.platform.erp.ErpOrderState;
import io.b2bhub.platform.erp.ErpOrderStatus;
import io.b2bhub.platform.erp.ErpOutcome;
import io.b2bhub.platform.erp.ErpRejectedException;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The ERP adapter: retries transient failures with capped exponential backoff and full jitter (the
 * seed's {@code api.call} policy), honours the ERP's Retry-After, gives up at the caller's
 * deadline, and writes an OUTBOUND audit row for every attempt.
 */
@ApplicationScoped
public class RestErpGateway implements ErpGateway {
  private static final Logger LOG = Logger.getLogger(RestErpGateway.class.getName());

  @Inject ErpCalls calls;
  @Inject AuditLog auditLog;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.retry.api-call", defaultValue = "api.call,4,60000,full")
  String retryPolicy;

  @Inject
  @ConfigProperty(name = "b2bhub.retry.base-delay-ms", defaultValue = "100")
  long baseDelayMs;

  private RetryPolicy policy;

  @PostConstruct
  void readPolicy() {
    policy = RetryPolicy.parse(retryPolicy, Duration.ofMillis(baseDelayMs));
  }

  @Override
  public ErpOutcome upsertCustomer(String partnerId, ErpCustomer customer, Duration deadline) {
    return withRetries(partnerId, "POST /customers", deadline, erp -> erp.upsertCustomer(customer));
  }

  @Override
  public ErpOutcome createOrder(String partnerId, ErpOrder order, Duration deadline) {
    return withRetries(partnerId, "POST /orders", deadline, erp -> erp.createOrder(order));
  }

  @Override
  public ErpOutcome updateOrderStatus(String partnerId, ErpOrderStatus change, Duration deadline) {
    return withRetries(
        partnerId,
        "POST /orders/{tenantId}/{orderId}/status",
        deadline,
        erp ->
            erp.changeStatus(
                change.tenantId(),
                change.orderId(),
                new ErpRecords.StatusChange(change.status(), change.version())));
  }

  @Override
  public Optional<ErpOrderState> findOrder(String tenantId, String orderId, Duration deadline) {
    return reading(
            "GET /orders",
            deadline,
            () ->
                calls.fetch(
                    erp -> erp.findOrder(tenantId, orderId),
                    r -> r.readEntity(ErpRecords.Order.class)))
        .map(o -> new ErpOrderState(o.externalId(), o.version(), o.status()));
  }

  @Override
  public Optional<ErpCustomerState> findCustomer(
      String tenantId, String customerId, Duration deadline) {
    return reading(
            "GET /customers",
            deadline,
            () ->
                calls.fetch(
                    erp -> erp.findCustomer(tenantId, customerId),
                    r -> r.readEntity(ErpRecords.Customer.class)))
        .map(c -> new ErpCustomerState(c.externalId(), c.version()));
  }

  @Override
  public List<ErpChange> changesAfter(long afterSeq, int limit, Duration deadline) {
    return reading(
            "GET /changes",
            deadline,
            found -> found.filter(changes -> changes.length > 0).isPresent(),
            () ->
                calls.fetch(
                    erp -> erp.changes(afterSeq, limit), r -> r.readEntity(ErpChange[].class)))
        .map(List::of)
        .orElse(List.of());
  }

  @Override
  public Optional<ErpInvoice> findInvoice(String invoiceNumber, Duration deadline) {
    return reading(
            "GET /invoices",
            deadline,
            () ->
                calls.fetch(
                    erp -> erp.findInvoice(invoiceNumber),
                    r -> r.readEntity(ErpRecords.Invoice.class)))
        .map(
            i ->
                new ErpInvoice(
                    i.invoiceNumber(), i.tenantId(), i.orderId(), i.status(), i.version()));
  }

  @Override
  public Optional<ErpDocument> invoiceDocument(String invoiceNumber, Duration deadline) {
    return reading(
        "GET /invoices/{invoiceNumber}/document",
        deadline,
        () ->
            calls.fetch(
                erp -> erp.invoiceDocument(invoiceNumber),
                r ->
                    new ErpDocument(
                        r.readEntity(byte[].class),
                        r.getMediaType() == null ? "application/pdf" : r.getMediaType().toString(),
                        invoiceNumber + ".pdf")));
  }

  /** One read with the same fault tolerance; reads are not retried (the operator asks again). */
  private <T> Optional<T> reading(
      String operation, Duration deadline, java.util.function.Supplier<Optional<T>> read) {
    return reading(operation, deadline, found -> true, read);
  }

  /**
   * A read that is audited when {@code worthAuditing} says so, and always when it fails: the change
   * feed's empty polls would otherwise fill the audit log with one row a second.
   */
  private <T> Optional<T> reading(
      String operation,
      Duration deadline,
      java.util.function.Predicate<Optional<T>> worthAuditing,
      java.util.function.Supplier<Optional<T>> read) {
    long started = System.nanoTime();
    try {
      Optional<T> found = read.get();
      if (worthAuditing.test(found)) {
        audit(null, operation, found.isPresent() ? 200 : 404, null, started);
      }
      return found;
    } catch (CircuitBreakerOpenException e) {
      audit(null, operation, 503, "ERP_CIRCUIT_OPEN", started);
      throw new ErpUnavailableException("ERP circuit open: not calling a failing ERP", e);
    } catch (ErpUnavailableException | TimeoutException | BulkheadException e) {
      audit(null, operation, 503, "ERP_UNAVAILABLE", started);
      throw unavailable("on " + operation + " within " + deadline, e);
    }
  }

  private ErpOutcome withRetries(
      String partnerId, String operation, Duration deadline, Function<ErpClient, Response> call) {
    Instant giveUpAt = clock.instant().plus(deadline);
    int attempts = 0;
    while (true) {
      attempts++;
      long started = System.nanoTime();
      try {
        ErpReply reply = calls.send(call);
        audit(partnerId, operation, reply.status(), null, started);
        return reply.outcome();
      } catch (ErpRejectedException e) {
        audit(partnerId, operation, e.status(), "ERP_REJECTED", started);
        throw e;
      } catch (CircuitBreakerOpenException e) {
        audit(partnerId, operation, 503, "ERP_CIRCUIT_OPEN", started);
        throw new ErpUnavailableException("ERP circuit open: not calling a failing ERP", e);
      } catch (ErpUnavailableException | TimeoutException | BulkheadException e) {
        ErpUnavailableException known = e instanceof ErpUnavailableException u ? u : null;
        audit(
            partnerId, operation, known == null ? 503 : known.status(), "ERP_UNAVAILABLE", started);
        Duration retryAfter = known == null ? null : known.retryAfter();
        if (!policy.allowsAnotherAttempt(attempts)) {
          throw unavailable("after " + attempts + " attempts", e);
        }
        Duration pause = policy.delayAfter(attempts, retryAfter, ThreadLocalRandom.current());
        // A pause ending at the deadline leaves no time for the attempt (a zero deadline: one
        // call).
        if (!clock.instant().plus(pause).isBefore(giveUpAt)) {
          throw unavailable("deadline reached after " + attempts + " attempts", e);
        }
        pauseFor(pause, e);
      }
    }
  }

  /** Backoff between attempts of one sync call, bounded by the caller's deadline. */
  private static void pauseFor(Duration pause, RuntimeException lastFailure) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while backing off", lastFailure);
    }
  }

  private static ErpUnavailableException unavailable(String why, RuntimeException cause) {
    LOG.warning(() -> "ERP unavailable " + why + ": " + cause.getMessage());
    return cause instanceof ErpUnavailableException unavailable
        ? unavailable
        : new ErpUnavailableException("ERP unavailable " + why, cause);
  }

  private void audit(
      String partnerId, String operation, int status, String errorCode, long startedNanos) {
    auditLog.recordBeforeAnswer(
        new AuditRecord(
            OffsetDateTime.now(clock),
            AuditRecord.Direction.OUTBOUND,
            partnerId,
            "erp-adapter",
            "ERP " + operation,
            AuditRecord.Outcome.ofStatus(status),
            status,
            errorCode,
            CorrelationContext.current(),
            (System.nanoTime() - startedNanos) / 1_000_000));
  }
}
