package io.b2bhub.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One HTTP attempt of a delivery: bounded connect and response timeouts, no redirects followed (a
 * redirect is an answer like any other), and only a short, printable snippet of the response kept
 * as evidence.
 */
@ApplicationScoped
public class WebhookSender {
  private static final int SNIPPET = 512;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.connect-timeout", defaultValue = "PT2S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

  private HttpClient client;

  @PostConstruct
  void open() {
    client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** What one attempt came to. {@code status} is null when no HTTP answer arrived. */
  record Attempt(
      Integer status, long latencyMs, String error, String snippet, Duration retryAfter) {
    boolean answered() {
      return status != null;
    }

    boolean succeeded() {
      return status != null && status >= 200 && status < 300;
    }
  }

  Attempt send(URI endpoint, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Attempt(
          response.statusCode(),
          elapsedMs(started),
          null,
          snippet(response.body()),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    } catch (HttpTimeoutException e) {
      return new Attempt(null, elapsedMs(started), "timeout", null, null);
    } catch (IOException e) {
      return new Attempt(
          null,
          elapsedMs(started),
          "connection failed: " + e.getClass().getSimpleName(),
          null,
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(null, elapsedMs(started), "interrupted", null, null);
    }
  }

  private static long elapsedMs(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    String text = new String(body, 0, Math.min(body.length, SNIPPET), StandardCharsets.UTF_8);
    return text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "?");
  }

  /** Retry-After in seconds (at most an hour); HTTP dates are treated as absent. */
  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.min(3600, Math.max(0, Long.parseLong(header.trim()))));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
