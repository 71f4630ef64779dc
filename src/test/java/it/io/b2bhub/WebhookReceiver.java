package it.io.b2bhub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A partner's webhook endpoint on loopback, a real HTTP server: each path answers as it is told (a
 * status, failing N times first, or taking long), and records what it received.
 */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** How one path answers. */
  public record Behaviour(int status, int failFirst, Duration delay) {
    public static Behaviour ok() {
      return new Behaviour(200, 0, Duration.ZERO);
    }

    public static Behaviour failingFirst(int times) {
      return new Behaviour(200, times, Duration.ZERO);
    }

    public static Behaviour answering(int status) {
      return new Behaviour(status, 0, Duration.ZERO);
    }

    public static Behaviour taking(Duration delay) {
      return new Behaviour(200, 0, delay);
    }
  }

  /** One request as the endpoint saw it. */
  public record Received(String path, Map<String, String> headers, String body, Instant at) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answer(String path, Behaviour behaviour) {
    behaviours.put(path, behaviour);
    calls.remove(path);
  }

  public List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    Behaviour behaviour = behaviours.getOrDefault(path, Behaviour.answering(404));
    int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (!behaviour.delay().isZero()) {
      // The endpoint's own slowness, the behaviour under test.
      LockSupport.parkNanos(behaviour.delay().toNanos());
    }
    received.add(
        new Received(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now()));
    int status = call <= behaviour.failFirst() ? 503 : behaviour.status();
    byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
