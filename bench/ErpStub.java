import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal ERP for the event benchmark's "ERP elsewhere" phase: the ERP contract's order create
 * (POST /orders, a repeated create answers 200 with the same id) on plain HTTP, in its own JVM, with
 * a fixed latency. It shows what the hub itself costs per event when the ERP's serving is not on the
 * hub's threads. Prints its counts every 10 s and on request (GET /counts).
 *
 * <p>java bench/ErpStub.java PORT LATENCY_MS
 */
public class ErpStub {
  private static final Pattern TENANT = Pattern.compile("\"tenantId\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern ORDER = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]*)\"");

  public static void main(String[] args) throws IOException {
    // Without it, Nagle's algorithm and delayed ACKs hold each answer back about 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(args[0]);
    long latencyMs = Long.parseLong(args[1]);
    Map<String, String> orders = new ConcurrentHashMap<>();
    AtomicLong calls = new AtomicLong();
    AtomicLong repeats = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext(
        "/orders",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String key = find(TENANT, body) + "/" + find(ORDER, body);
          calls.incrementAndGet();
          sleep(latencyMs);
          String id = "ERP-" + Integer.toHexString(key.hashCode()) + "-" + orders.size();
          String existing = orders.putIfAbsent(key, id);
          if (existing != null) {
            repeats.incrementAndGet();
          }
          reply(
              exchange,
              existing == null ? 201 : 200,
              "{\"externalId\":\""
                  + (existing == null ? id : existing)
                  + "\",\"created\":"
                  + (existing == null)
                  + "}");
        });
    server.createContext(
        "/counts",
        exchange ->
            reply(
                exchange,
                200,
                "{\"orders\":" + orders.size() + ",\"calls\":" + calls + ",\"repeats\":" + repeats + "}"));
    server.start();
    System.out.println("ERP stub on http://127.0.0.1:" + port + " latency " + latencyMs + " ms");
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    return m.find() ? m.group(1) : "";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
