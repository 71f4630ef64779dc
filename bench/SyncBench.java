import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load generator for the ERP sync API and the order export (run by bench/run.sh, loopback only).
 *
 * <p>Phases: fresh-key order creates at a fixed arrival rate (open loop, so a slow server cannot
 * slow the load down and hide its latency), replays of existing keys as fast as N workers can go,
 * and export pages of 100 over the seeded orders. Prints latency percentiles and error counts.
 *
 * <p>Usage: java SyncBench.java BASE_URL CLIENT_ID SECRET RATE SECONDS REPLAY_SECONDS EXPORT_PAGES
 */
public class SyncBench {
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = token(base, args[1], args[2]);
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int replaySeconds = Integer.parseInt(args[5]);
    int exportPages = Integer.parseInt(args[6]);
    HttpClient client = client();
    String tenant = "bench" + System.currentTimeMillis();

    // A cold JIT at full rate snowballs into timeouts, and on two cores the JIT keeps improving
    // for minutes: warm up gently, then at the measured rate, before anything counts.
    int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "240"));
    if (warmup > 0) {
      System.out.printf("warm-up (not counted): 30 s at 50 req/s, then %d s at %d req/s%n", warmup, rate);
      fixedRate(base, token, tenant + "w1", 50, 30).print("warm-up 50 req/s");
      fixedRate(base, token, tenant + "w2", rate, warmup).print("warm-up " + rate + " req/s");
      KINDS.clear();
    }

    System.out.printf("orders with fresh keys: %d req/s for %d s%n", rate, seconds);
    Result creates = fixedRate(base, token, tenant, rate, seconds);
    creates.print("POST /api/v1/erp/orders (fresh keys)");
    if (!KINDS.isEmpty()) {
      System.out.println("  errors by kind: " + KINDS);
    }

    System.out.printf("replays of existing keys: 32 workers for %d s%n", replaySeconds);
    Result replays =
        replays(client, base, token, tenant, Math.min(creates.latenciesNanos().size(), 5000), replaySeconds);
    replays.print("POST /api/v1/erp/orders (replayed keys)");

    System.out.printf("export: %d pages of 100%n", exportPages);
    Result export = exportPages(client, base, token, exportPages);
    export.print("GET /api/v1/orders?limit=100");
  }

  /**
   * Fresh-key creates at a fixed arrival rate over a bounded pool of keep-alive connections (as a
   * webshop's client pool would hold): request i is due at start + i/rate, whichever connection is
   * free sends it, and its latency counts from when it was due, not from when it left, so a
   * server that falls behind is charged for the wait (no coordinated omission). A connection
   * that is never free in time shows as latency, not as a lower rate.
   */
  static Result fixedRate(String base, String token, String tenant, int rate, int seconds)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    List<Thread> connections = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      HttpClient connection = client();
      Thread sender =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  long due = start + i * intervalNanos;
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                  }
                  String failure;
                  try {
                    HttpResponse<Void> response =
                        connection.send(
                            createOrder(base, token, tenant, i), HttpResponse.BodyHandlers.discarding());
                    failure = response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
                  } catch (Exception e) {
                    failure = rootCause(e).getClass().getSimpleName() + ": " + rootCause(e).getMessage();
                  }
                  latencies.add(System.nanoTime() - due);
                  if (failure != null) {
                    errors.incrementAndGet();
                    KINDS.merge(failure, 1, Integer::sum);
                  }
                }
              });
      sender.start();
      connections.add(sender);
    }
    for (Thread sender : connections) {
      sender.join();
    }
    return new Result(new ArrayList<>(latencies), errors.get(), System.nanoTime() - start);
  }

  /** Keep-alive connections the fixed-rate phase sends over (CONNECTIONS, default 32). */
  static final int CONNECTIONS =
      Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "32"));

  static final java.util.Map<String, Integer> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

  static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static Result replays(HttpClient client, String base, String token, String tenant, int keys, int seconds)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong next = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 32; w++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  int i = (int) (next.getAndIncrement() % keys);
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<Void> response =
                        client.send(createOrder(base, token, tenant, i), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 201
                        || response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.add(System.nanoTime() - sent);
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return new Result(new ArrayList<>(latencies), errors.get(), System.nanoTime() - start);
  }

  static Result exportPages(HttpClient client, String base, String token, int pages) throws Exception {
    List<Long> latencies = new ArrayList<>();
    int errors = 0;
    String cursor = null;
    long start = System.nanoTime();
    for (int p = 0; p < pages; p++) {
      String uri = base + "/api/v1/orders?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
      long sent = System.nanoTime();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      latencies.add(System.nanoTime() - sent);
      if (response.statusCode() != 200) {
        errors++;
        continue;
      }
      Matcher m = CURSOR.matcher(response.body());
      if (!m.find() || !response.body().contains("\"hasMore\":true")) {
        break;
      }
      cursor = m.group(1);
    }
    return new Result(latencies, errors, System.nanoTime() - start);
  }

  static HttpRequest createOrder(String base, String token, String tenant, int i) {
    String orderId = "o-" + i;
    String body =
        "{\"schemaVersion\":2,\"tenantId\":\"" + tenant + "\",\"orderId\":\"" + orderId
            + "\",\"version\":1,\"customerRef\":\"c-" + (i % 1000) + "\",\"currency\":\"EUR\","
            + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPriceMinor\":1250,\"lineTotalMinor\":2500}],"
            + "\"totals\":{\"netMinor\":2500,\"taxMinor\":475,\"grossMinor\":2975}}";
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/erp/orders"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "order:" + tenant + ":" + orderId + ":1")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String token(String base, String clientId, String secret) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/oidc/endpoint/OP/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=erp.orders%3Awrite%20orders%3Aread"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("No token: " + response.statusCode());
    }
    return m.group(1);
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
    // HTTP/1.1 keep-alive: a client used by one thread at a time holds one connection.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(ssl)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  record Result(List<Long> latenciesNanos, int errors, long elapsedNanos) {
    Result {
      latenciesNanos = new ArrayList<>(latenciesNanos);
      Collections.sort(latenciesNanos);
    }

    void print(String name) {
      int n = latenciesNanos.size();
      double seconds = elapsedNanos / 1e9;
      System.out.printf(
          "%-40s n=%d errors=%d throughput=%.0f req/s p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
          name, n, errors, n / seconds, pct(0.50), pct(0.95), pct(0.99), pct(1.0));
    }

    double pct(double q) {
      if (latenciesNanos.isEmpty()) {
        return Double.NaN;
      }
      int index = Math.min(latenciesNanos.size() - 1, (int) Math.ceil(q * latenciesNanos.size()) - 1);
      return latenciesNanos.get(Math.max(0, index)) / 1e6;
    }
  }
}
