package io.b2bhub.erp;

import io.b2bhub.platform.OutboundRestClients;
import io.b2bhub.platform.erp.ErpOutcome;
import io.b2bhub.platform.erp.ErpRejectedException;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One call to the ERP, guarded by MicroProfile Fault Tolerance: a timeout, a bulkhead so a slow ERP
 * cannot take every thread, and a circuit breaker that stops calling an ERP that keeps failing.
 * Retries live one level up ({@link RestErpGateway}) so each attempt counts for the breaker. The
 * breaker opens when three of four of the last 20 calls failed: an ERP that is down, not one that
 * drops a share of its calls (at 50% of 10, a 30%-failing ERP tripped it every few seconds and its
 * callers' retries found it open). Every value here can be tuned with the MP FT config keys, e.g.
 * {@code io.b2bhub.erp.ErpCalls/send/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class ErpCalls {
  @Inject
  @ConfigProperty(name = "b2bhub.erp.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.username")
  String username;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.password")
  String password;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.connect-timeout-ms", defaultValue = "2000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.read-timeout-ms", defaultValue = "5000")
  long readTimeoutMs;

  private ErpClient client;

  @PostConstruct
  void connect() {
    client =
        OutboundRestClients.basicAuth(
                baseUrl,
                username,
                password,
                Duration.ofMillis(connectTimeoutMs),
                Duration.ofMillis(readTimeoutMs))
            // Enough pooled connections for every call the bulkhead lets through at once.
            .property("resteasy.connectionPoolSize", 64)
            .property("resteasy.maxPooledPerRoute", 64)
            .build(ErpClient.class);
  }

  @Timeout(5000)
  @Bulkhead(32)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.75,
      delay = 5000,
      successThreshold = 2,
      failOn = {ErpUnavailableException.class, TimeoutException.class},
      skipOn = {ErpRejectedException.class, BulkheadException.class})
  public ErpReply send(Function<ErpClient, Response> call) {
    Response response;
    try {
      response = call.apply(client);
    } catch (ProcessingException e) {
      throw new ErpUnavailableException("ERP not reachable: " + e.getClass().getSimpleName(), e);
    }
    try (response) {
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return new ErpReply(status, readOutcome(response));
      }
      // Only a verdict on the data is final; auth, routing or timeout trouble is ours to retry.
      if (status == 400 || status == 409 || status == 422) {
        throw new ErpRejectedException(status, "ERP refused the request with " + status);
      }
      throw new ErpUnavailableException(
          status, "ERP answered " + status, retryAfter(response.getHeaderString("Retry-After")));
    }
  }

  /**
   * Reads one record: empty when the ERP answers 404 (it does not have it), otherwise judged like
   * {@link #send}.
   */
  @Timeout(5000)
  @Bulkhead(32)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.75,
      delay = 5000,
      successThreshold = 2,
      failOn = {ErpUnavailableException.class, TimeoutException.class},
      skipOn = {ErpRejectedException.class, BulkheadException.class})
  public <T> Optional<T> fetch(
      Function<ErpClient, Response> call, Function<Response, T> readEntity) {
    Response response;
    try {
      response = call.apply(client);
    } catch (ProcessingException e) {
      throw new ErpUnavailableException("ERP not reachable: " + e.getClass().getSimpleName(), e);
    }
    try (response) {
      int status = response.getStatus();
      if (status == 404) {
        return Optional.empty();
      }
      if (status == 200) {
        try {
          return Optional.of(readEntity.apply(response));
        } catch (RuntimeException e) {
          throw new ErpUnavailableException("ERP answer unreadable", e);
        }
      }
      throw new ErpUnavailableException(
          status, "ERP answered " + status, retryAfter(response.getHeaderString("Retry-After")));
    }
  }

  private static ErpOutcome readOutcome(Response response) {
    try {
      return response.readEntity(ErpOutcome.class);
    } catch (RuntimeException e) {
      throw new ErpUnavailableException("ERP answer unreadable", e);
    }
  }

  /** Retry-After as seconds or an HTTP date (at most a day); null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.min(86_400, Math.max(0, Long.parseLong(header.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when =
            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
