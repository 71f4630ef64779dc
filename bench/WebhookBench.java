import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Webhook benchmarks against a running hub, over loopback.
 *
 * <p>inbound BASE PARTNER SECRET RATES SECONDS: signed pushes to /api/v1/webhooks/{partner} at
 * fixed arrival rates (open loop; latency counted from each request's scheduled time), step by
 * step until p99 passes 50 ms.
 *
 * <p>sign PARTNER SECRET COUNT FILE: pre-signed pushes for the native load generator (wrk with
 * bench/inbound.lua), which costs the shared cores far less than this JVM client does.
 *
 * <p>outbound BASE ADMIN PASSWORD PARTNER PER_RECEIVER TIMEOUT_ONE: 10 receivers on loopback, one
 * of them never answering in time when TIMEOUT_ONE is true; PER_RECEIVER test events queued for
 * each; prints deliveries/s and delivery lag (event time to receipt) at the healthy receivers.
 */
public class WebhookBench {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("inbound")) {
      inbound(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
    } else if (args[0].equals("sign")) {
      sign(args[1], args[2], Integer.parseInt(args[3]), args[4]);
    } else {
      outbound(
          args[1],
          args[2],
          args[3],
          args[4],
          Integer.parseInt(args[5]),
          Boolean.parseBoolean(args[6]));
    }
    System.exit(0);
  }

  /**
   * Writes COUNT signed pushes of new events, one per line ("X-Signature value", tab, body), for
   * the native load generator (bench/inbound.lua). Signed now: use them within the partner's window.
   */
  static void sign(String partner, String secret, int count, String file) throws Exception {
    long run = System.currentTimeMillis();
    long t = Instant.now().getEpochSecond();
    try (var out =
        new java.io.BufferedWriter(
            new java.io.FileWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
      for (int n = 0; n < count; n++) {
        String body = orderCreated(partner + "-" + run + "-" + n);
        out.write("t=" + t + ",v1=" + hmac(secret, t + "." + body));
        out.write('\t');
        out.write(body);
        out.write('\n');
      }
    }
  }

  static void inbound(String base, String partner, String secret, String rates, int seconds)
      throws Exception {
    HttpClient client = client();
    // Unique per run, so a second run on the same database pushes new events, not replays.
    long run = System.currentTimeMillis();
    for (String step : rates.split(",")) {
      // "w200": a warm-up step at 200/s, reported but never the reason to stop.
      boolean warmUp = step.startsWith("w");
      int rate = Integer.parseInt(warmUp ? step.substring(1) : step);
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
      ExecutorService senders = Executors.newFixedThreadPool(128);
      int total = rate * seconds;
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      long periodNanos = 1_000_000_000L / rate;
      ticker.scheduleAtFixedRate(
          () -> {
            int n = next.getAndIncrement();
            if (n >= total) {
              return;
            }
            long scheduled = start + n * periodNanos;
            senders.submit(
                () -> {
                  String body = orderCreated(partner + "-" + run + "-" + rate + "-" + n);
                  long t = Instant.now().getEpochSecond();
                  try {
                    HttpResponse<Void> response =
                        client.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + partner))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + body))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 202) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.add(System.nanoTime() - scheduled);
                });
          },
          0,
          periodNanos,
          TimeUnit.NANOSECONDS);
      while (latencies.size() + 0 < total && System.nanoTime() - start < (seconds + 60) * 1_000_000_000L) {
        LockSupport.parkNanos(100_000_000L);
      }
      ticker.shutdownNow();
      senders.shutdownNow();
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double p99 = percentile(sorted, 0.99);
      System.out.printf(
          (warmUp ? "warm-up " : "inbound ") + "%5d/s for %d s: %d pushes, %d errors, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms%n",
          rate,
          seconds,
          sorted.size(),
          errors.get(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.95),
          p99,
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
      if (!warmUp && (p99 > 50 || errors.get() > 0)) {
        System.out.println("inbound: p99 above 50 ms (or errors) at " + rate + "/s; stopping");
        return;
      }
    }
  }

  static void outbound(
      String base, String admin, String password, String partner, int perReceiver, boolean timeoutOne)
      throws Exception {
    HttpClient client = client();
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString((admin + ":" + password).getBytes(StandardCharsets.UTF_8));
    List<HttpServer> servers = new ArrayList<>();
    List<List<Long>> lags = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    Pattern time = Pattern.compile("\"time\":\"([^\"]+)\"");
    List<String> subscriptions = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      boolean slow = timeoutOne && r == 9;
      List<Long> lag = new CopyOnWriteArrayList<>();
      long[] span = {Long.MAX_VALUE, 0};
      lags.add(lag);
      spans.add(span);
      Set seen = new Set();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext(
          "/",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (slow) {
              LockSupport.parkNanos(Duration.ofSeconds(15).toNanos());
            } else {
              long now = System.currentTimeMillis();
              String id = exchange.getRequestHeaders().getFirst("X-Event-Id");
              Matcher m = time.matcher(new String(body, StandardCharsets.UTF_8));
              if (m.find() && seen.add(id)) {
                lag.add(now - Instant.parse(m.group(1)).toEpochMilli());
                synchronized (span) {
                  span[0] = Math.min(span[0], now);
                  span[1] = Math.max(span[1], now);
                }
              }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      servers.add(server);
      String created =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/webhooks/subscriptions"))
                      .header("Authorization", auth)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"partnerId\":\""
                                  + partner
                                  + "\",\"url\":\"http://127.0.0.1:"
                                  + server.getAddress().getPort()
                                  + "/hook\",\"eventTypes\":[\"*\"]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher id = Pattern.compile("\"subscriptionId\":\"([^\"]+)\"").matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("subscription not created: " + created);
      }
      subscriptions.add(id.group(1));
    }
    long queued = System.currentTimeMillis();
    for (String subscription : subscriptions) {
      for (int left = perReceiver; left > 0; left -= 10_000) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(
                            base
                                + "/api/v1/admin/webhooks/subscriptions/"
                                + subscription
                                + "/test?count="
                                + Math.min(10_000, left)))
                    .header("Authorization", auth)
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
          throw new IllegalStateException("test events not queued: " + response.body());
        }
      }
    }
    long queuedAll = System.currentTimeMillis();
    long deadline = System.currentTimeMillis() + Duration.ofMinutes(20).toMillis();
    while (System.currentTimeMillis() < deadline
        && lags.subList(0, 9).stream().anyMatch(l -> l.size() < perReceiver)) {
      LockSupport.parkNanos(200_000_000L);
    }
    List<Long> healthy = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = 0;
    for (int r = 0; r < 9; r++) {
      healthy.addAll(lags.get(r));
      first = Math.min(first, spans.get(r)[0]);
      last = Math.max(last, spans.get(r)[1]);
    }
    Collections.sort(healthy);
    System.out.printf(
        "outbound (%s): queued %d test events per receiver x 10 in %.1f s; %d delivered to the 9"
            + " healthy receivers in %.1f s from the first queued: %.0f deliveries/s; lag (event"
            + " time to receipt) p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
        timeoutOne ? "receiver 10 never answers within the timeout" : "all 10 healthy",
        perReceiver,
        (queuedAll - queued) / 1000.0,
        healthy.size(),
        (last - queued) / 1000.0,
        healthy.size() / ((last - queued) / 1000.0),
        percentileMs(healthy, 0.50),
        percentileMs(healthy, 0.95),
        percentileMs(healthy, 0.99));
    servers.forEach(s -> s.stop(0));
  }

  /** A concurrent set of event ids (a redelivery is counted once). */
  static final class Set {
    private final java.util.Set<String> ids = ConcurrentHashMap.newKeySet();

    boolean add(String id) {
      return ids.add(id);
    }
  }

  static String orderCreated(String id) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"order.created.v1\","
        + "\"source\":\"/partner\",\"time\":\"2026-12-01T10:00:00Z\","
        + "\"datacontenttype\":\"application/json\",\"tenantid\":\"bench-hooks\","
        + "\"data\":{\"orderId\":\"" + id + "\",\"version\":1,\"customerRef\":\"c-1\","
        + "\"currency\":\"EUR\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceMinor\":999,"
        + "\"lineTotalMinor\":999}],\"totals\":{\"netMinor\":999,\"taxMinor\":190,"
        + "\"grossMinor\":1189}}}";
  }

  static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  static double percentile(List<Long> sortedNanos, double p) {
    return sortedNanos.isEmpty()
        ? 0
        : sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
  }

  static double percentileMs(List<Long> sortedMs, double p) {
    return sortedMs.isEmpty()
        ? 0
        : sortedMs.get((int) Math.min(sortedMs.size() - 1, Math.ceil(p * sortedMs.size()) - 1));
  }

  static HttpClient client() throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}

            public void checkServerTrusted(X509Certificate[] c, String a) {}

            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return HttpClient.newBuilder()
        .sslContext(ssl)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(16))
        .build();
  }
}
