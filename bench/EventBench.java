import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Hands order.created.v1 events to POST /api/v1/events at a fixed rate (batches every few ms) and
 * retries every batch until it is accepted (202), across server restarts. Prints what it sent and
 * how long acceptance took; the script measures the rest (lag, losses, duplicates) in the database.
 *
 * <p>java bench/EventBench.java BASE CLIENT_ID SECRET RATE SECONDS BATCH TENANT
 */
public class EventBench {
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String clientId = args[1];
    String secret = args[2];
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int batch = Integer.parseInt(args[5]);
    String tenant = args[6];
    HttpClient client = client();
    String[] token = {token(client, base, clientId, secret)};

    int batchesPerSecond = Math.max(1, rate / batch);
    long periodMicros = 1_000_000L / batchesPerSecond;
    int total = batchesPerSecond * seconds;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(64);
    List<Long> acceptNanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger retries = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(
        () -> {
          int b = next.getAndIncrement();
          if (b >= total) {
            return;
          }
          senders.submit(
              () -> {
                String body = batchBody(tenant, b, batch);
                long sent = System.nanoTime();
                while (true) {
                  try {
                    HttpResponse<String> response =
                        client.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token[0])
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                      acceptNanos.add(System.nanoTime() - sent);
                      return;
                    }
                    if (response.statusCode() == 401) {
                      token[0] = token(client, base, clientId, secret);
                    }
                  } catch (Exception e) {
                    // Server down or overloaded: keep the batch and try again.
                  }
                  retries.incrementAndGet();
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    while (next.get() < total) {
      Thread.sleep(100);
    }
    ticker.shutdown();
    senders.shutdown();
    senders.awaitTermination(30, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(acceptNanos);
    Collections.sort(sorted);
    System.out.printf(
        "sent %d events in %d batches of %d over %.0f s (%.0f events/s offered); batch retries %d;"
            + " time to 202 p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
        total * batch,
        total,
        batch,
        elapsed,
        total * batch / elapsed,
        retries.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.95),
        pct(sorted, 0.99));
  }

  static String batchBody(String tenant, int batchNo, int size) {
    StringBuilder body = new StringBuilder("[");
    String now = Instant.now().toString();
    for (int i = 0; i < size; i++) {
      String id = tenant + "-" + batchNo + "-" + i;
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"specversion\":\"1.0\",\"id\":\"")
          .append(id)
          .append("\",\"type\":\"order.created.v1\",\"source\":\"/bench\",\"time\":\"")
          .append(now)
          .append("\",\"datacontenttype\":\"application/json\",\"tenantid\":\"")
          .append(tenant)
          .append("\",\"correlationid\":\"")
          .append(id)
          .append("\",\"data\":{\"orderId\":\"o-")
          .append(id)
          .append("\",\"version\":1,\"customerRef\":\"c-1\",\"currency\":\"EUR\",\"lines\":[{\"sku\":")
          .append("\"S\",\"quantity\":2,\"unitPriceMinor\":1250,\"lineTotalMinor\":2500}],")
          .append("\"totals\":{\"netMinor\":2500,\"taxMinor\":475,\"grossMinor\":2975}}}");
    }
    return body.append(']').toString();
  }

  static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  static String token(HttpClient client, String base, String clientId, String secret)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/oidc/endpoint/OP/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&scope=events%3Awrite"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (m.find()) {
          return m.group(1);
        }
      } catch (Exception e) {
        if (attempt > 120) {
          throw e;
        }
      }
      Thread.sleep(1000);
    }
  }

  /** Loopback benchmark against the sandbox's self-signed certificate: trust it, verify nothing. */
  static HttpClient client() throws Exception {
    TrustManager[] trustAll = {
      new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, trustAll, null);
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    return HttpClient.newBuilder()
        .sslContext(ssl)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
