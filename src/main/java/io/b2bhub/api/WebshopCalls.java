package io.b2bhub.api;

import io.b2bhub.platform.OutboundRestClients;
import io.b2bhub.platform.PayloadSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One push to the webshop, signed ({@code X-Signature}) and guarded like the ERP calls: a timeout,
 * a bulkhead, and a circuit breaker that stops hammering a webshop that keeps failing. Retries are
 * the event consumer's (delayed redelivery), so no thread waits between attempts.
 */
@ApplicationScoped
public class WebshopCalls {
  @Inject
  @ConfigProperty(name = "b2bhub.webshop.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.username")
  String username;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.password")
  String password;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.push-secret")
  String pushSecret;

  @Inject
  @ConfigProperty(name = "b2bhub.webshop.read-timeout-ms", defaultValue = "5000")
  long readTimeoutMs;

  @Inject Clock clock;

  private WebshopClient client;

  @PostConstruct
  void connect() {
    client =
        OutboundRestClients.basicAuth(
                baseUrl,
                username,
                password,
                Duration.ofSeconds(2),
                Duration.ofMillis(readTimeoutMs))
            .build(WebshopClient.class);
  }

  /** The webshop's HTTP status; a webshop that cannot be reached is a {@link PushFailed}. */
  @Timeout(6000)
  @Bulkhead(16)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 5000,
      successThreshold = 2,
      failOn = PushFailed.class)
  public int push(WebshopPush push) {
    String signature = PayloadSignature.header(List.of(pushSecret), clock.instant(), push.body());
    Response response;
    try {
      response =
          switch (push.kind()) {
            case PAYMENT ->
                client.paymentStatus(
                    push.orderId(), push.idempotencyKey(), signature, push.eventId(), push.body());
            case INVOICE ->
                client.invoiceAvailable(
                    push.orderId(), push.idempotencyKey(), signature, push.eventId(), push.body());
            case PRICE ->
                client.prices(push.idempotencyKey(), signature, push.eventId(), push.body());
          };
    } catch (ProcessingException e) {
      throw new PushFailed("Webshop not reachable: " + e.getClass().getSimpleName(), e);
    }
    try (response) {
      int status = response.getStatus();
      if (status >= 500 || status == 429 || status == 408) {
        throw new PushFailed("Webshop answered " + status, null);
      }
      return status;
    }
  }

  /** A push that may succeed later: the webshop was unreachable, overloaded or failing. */
  public static class PushFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PushFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
