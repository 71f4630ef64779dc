package it.io.b2bhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webshop order events through the hub: outbox → JMS → consumer → ERP → erp.order.synced.v1. */
@ExtendWith(ArquillianExtension.class)
class OrderEventsIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String token;
  String tenant;

  @BeforeEach
  void webshopThatPublishesEvents() {
    hub = new Hub(url);
    Hub.RegisteredPartner webshop = hub.register(List.of("events:write", "erp.orders:write"));
    token = hub.token(webshop, "events:write erp.orders:write");
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    sandbox(0);
  }

  @AfterEach
  void healthyErp() {
    sandbox(0);
  }

  private void sandbox(double unavailableShare) {
    sandbox(unavailableShare, 0);
  }

  private void sandbox(double unavailableShare, int rejectNextCalls) {
    hub.admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"latencyMs\":0,\"unavailableShare\":"
                + unavailableShare
                + ",\"rateLimitedShare\":0,\"retryAfterSeconds\":0,\"rateLimitNextCalls\":0,"
                + "\"rejectNextCalls\":"
                + rejectNextCalls
                + "}")
        .put("/sandbox/erp/behaviour")
        .then()
        .statusCode(200);
  }

  private void emitOrderCreated(String token, String eventId, String orderId, String correlation) {
    hub.partner(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"specversion\":\"1.0\",\"id\":\""
                + eventId
                + "\",\"type\":\"order.created.v1\",\"source\":\"/webshop\","
                + "\"time\":\"2026-11-21T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"tenantid\":\""
                + tenant
                + "\",\"correlationid\":\""
                + correlation
                + "\",\"data\":{\"orderId\":\""
                + orderId
                + "\",\"version\":1,\"customerRef\":\"c-1\",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceMinor\":999,"
                + "\"lineTotalMinor\":999}],\"totals\":{\"netMinor\":999,\"taxMinor\":190,"
                + "\"grossMinor\":1189}}}")
        .post("/api/v1/events")
        .then()
        .statusCode(202);
  }

  private List<Integer> erpAttempts(String correlation) {
    return hub.admin()
        .queryParam("correlationId", correlation)
        .queryParam("direction", "OUTBOUND")
        .queryParam("limit", 500)
        .get("/api/v1/admin/audit")
        .jsonPath()
        .getList("items.httpStatus");
  }

  /** The consumer's retry counter on /metrics (Prometheus text). */
  private double retriesScheduled() {
    return counter("b2bhub_events_retries_scheduled_total");
  }

  private double counter(String name) {
    return metric(name, "flow=\"erp.order.sync\"");
  }

  /** The sum of a metric's series on /metrics (Prometheus text) that carry {@code tag}. */
  private double metric(String name, String tag) {
    String metrics = hub.admin().accept("text/plain").get("/metrics?scope=application").asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{"))
        .filter(l -> l.contains(tag))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void theRelayStoppingBetweenSendAndMarkResendsAndTheInboxAbsorbsTheDuplicate() {
    double duplicatesBefore = counter("b2bhub_events_duplicates_total");
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"crashAfterSendBatches\":1}")
        .put("/api/v1/admin/faults/outbox-relay")
        .then()
        .statusCode(200);
    String correlation = "crash-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);

    Deadline.await(
        Duration.ofSeconds(30), "the order is synced", () -> syncedEventFor(correlation));
    Deadline.await(
        Duration.ofSeconds(30),
        "the resent copy reaches the consumer and is absorbed by its inbox",
        () -> counter("b2bhub_events_duplicates_total") > duplicatesBefore);
    assertEquals(
        List.of("o-1"),
        hub.admin()
            .queryParam("tenantId", tenant)
            .get("/sandbox/erp/orders")
            .jsonPath()
            .getList("orderId"),
        "exactly one ERP order");
    assertEquals(
        1,
        hub.admin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/events/outbox")
            .jsonPath()
            .getList(
                "findAll { it.type == 'erp.order.synced.v1' && it.correlationId == '"
                    + correlation
                    + "' }")
            .size(),
        "erp.order.synced.v1 published once");
  }

  @Test
  void aWebshopQueueThatRefusesMessagesHoldsBackOnlyItsOwnEventsAndRaisesAnAlert() {
    String correlation = "refused-" + UUID.randomUUID();
    relayFault("{\"crashAfterSendBatches\":0,\"refusingQueues\":[\"b2bhub.webshop.events\"]}");
    try {
      emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);
      Deadline.await(
          Duration.ofSeconds(30),
          "order.created.v1 still reaches the hub's consumer and the ERP",
          () -> erpOrderStatus("o-1") != null);
      Map<String, Object> synced =
          Deadline.await(
              Duration.ofSeconds(30),
              "erp.order.synced.v1 is written",
              () -> outboxRow("erp.order.synced.v1", correlation));
      assertNull(synced.get("sentAt"), "it waits in the outbox while its queue refuses it");
      emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-2", "refused-" + UUID.randomUUID());
      Deadline.await(
          Duration.ofSeconds(30),
          "an order written after the held event still reaches the ERP",
          () -> erpOrderStatus("o-2") != null);
      Deadline.await(
          Duration.ofSeconds(30),
          "an alert names the refusing queue",
          () ->
              !hub.admin()
                  .queryParam("kind", "OUTBOX_QUEUE_REFUSED")
                  .queryParam("subject", "b2bhub.webshop.events")
                  .get("/api/v1/admin/alerts")
                  .jsonPath()
                  .getList("findAll { it.acknowledged == false }")
                  .isEmpty());
      assertTrue(
          metric("b2bhub_outbox_backlog", "destination=\"b2bhub.webshop.events\"") >= 1,
          "the webshop queue's backlog shows on /metrics");
    } finally {
      relayFault("{\"crashAfterSendBatches\":0}");
    }
    Deadline.await(
        Duration.ofSeconds(30),
        "the held event leaves once its queue takes messages again",
        () -> syncedEventFor(correlation));
  }

  private void relayFault(String fault) {
    hub.admin()
        .contentType(ContentType.JSON)
        .body(fault)
        .put("/api/v1/admin/faults/outbox-relay")
        .then()
        .statusCode(200);
  }

  private Map<String, Object> outboxRow(String type, String correlation) {
    return hub.admin()
        .queryParam("limit", 500)
        .get("/api/v1/admin/events/outbox")
        .jsonPath()
        .getMap("find { it.type == '" + type + "' && it.correlationId == '" + correlation + "' }");
  }

  private Map<String, Object> syncedEventFor(String correlation) {
    JsonPath outbox =
        hub.admin().queryParam("limit", 500).get("/api/v1/admin/events/outbox").jsonPath();
    return outbox.getMap(
        "find { it.type == 'erp.order.synced.v1' && it.correlationId == '"
            + correlation
            + "' && it.sentAt != null }");
  }

  @Test
  @DisplayName("Order sync retries on temporary failure")
  void orderSyncRetriesOnTemporaryFailure() {
    // Given ERP middleware is temporarily unavailable
    double retriesBefore = retriesScheduled();
    sandbox(1.0);
    // When webshop emits order.created.v1
    String correlation = "gherkin-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);
    // Then processing should retry with backoff
    Deadline.await(
        Duration.ofSeconds(60),
        "the consumer has scheduled a later attempt (a delayed message, no sleeping thread)",
        () -> retriesScheduled() > retriesBefore);
    sandbox(0);
    // And eventual success should publish erp.order.synced.v1
    Map<String, Object> synced =
        Deadline.await(
            Duration.ofSeconds(90),
            "erp.order.synced.v1 is published once the ERP is back",
            () -> syncedEventFor(correlation));
    assertEquals("b2bhub.webshop.events", synced.get("destination"));
    List<Integer> attempts = erpAttempts(correlation);
    assertTrue(
        attempts.size() >= 2 && attempts.get(0) == 201 && attempts.get(attempts.size() - 1) != 201,
        "failed attempts first, success last (newest first): " + attempts);
    JsonPath erpOrders =
        hub.admin().queryParam("tenantId", tenant).get("/sandbox/erp/orders").jsonPath();
    assertEquals(List.of("o-1"), erpOrders.getList("orderId"), "exactly one ERP order");
  }

  private void emit(String token, String type, String data) {
    hub.partner(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"specversion\":\"1.0\",\"id\":\"evt-"
                + UUID.randomUUID()
                + "\",\"type\":\""
                + type
                + "\",\"source\":\"/webshop\",\"time\":\"2026-11-21T10:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"tenantid\":\""
                + tenant
                + "\",\"data\":"
                + data
                + "}")
        .post("/api/v1/events")
        .then()
        .statusCode(202);
  }

  private String erpOrderStatus(String orderId) {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/erp/orders")
        .jsonPath()
        .getString("find { it.orderId == '" + orderId + "' }.status");
  }

  @Test
  void outOfOrderStatusEventsDoNotMoveTheOrderBack() {
    String correlation = "status-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);
    Deadline.await(
        Duration.ofSeconds(30), "the order is synced", () -> syncedEventFor(correlation));
    emit(
        token,
        "order.status.changed.v1",
        "{\"orderId\":\"o-1\",\"status\":\"SHIPPED\",\"version\":3,"
            + "\"changedAt\":\"2026-11-21T12:00:00Z\"}");
    Deadline.await(
        Duration.ofSeconds(30),
        "SHIPPED reaches the ERP",
        () -> "SHIPPED".equals(erpOrderStatus("o-1")));
    emit(
        token,
        "order.status.changed.v1",
        "{\"orderId\":\"o-1\",\"previousStatus\":\"PLACED\",\"status\":\"PAID\","
            + "\"version\":2,\"changedAt\":\"2026-11-21T11:00:00Z\"}");
    String probe = "probe-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-probe", probe);
    Deadline.await(Duration.ofSeconds(30), "a later event is through", () -> syncedEventFor(probe));
    assertEquals("SHIPPED", erpOrderStatus("o-1"), "the older PAID did not regress the order");
  }

  @Test
  void aCustomerUpsertEventReachesTheErpAndPublishesErpCustomerSynced() {
    emit(
        token,
        "customer.upsert.requested.v1",
        "{\"customerId\":\"c-7\",\"version\":1,\"changedFields\":[\"name\"],"
            + "\"name\":\"Ada\",\"email\":\"ada@example.com\",\"countryCode\":\"DE\"}");
    Deadline.await(
        Duration.ofSeconds(30),
        "the customer is in the ERP and erp.customer.synced.v1 has left for the webshop",
        () ->
            hub.admin()
                    .queryParam("tenantId", tenant)
                    .get("/sandbox/erp/customers")
                    .jsonPath()
                    .getList("customerId")
                    .contains("c-7")
                && hub.admin()
                        .queryParam("limit", 500)
                        .get("/api/v1/admin/events/outbox")
                        .jsonPath()
                        .getMap(
                            "find { it.type == 'erp.customer.synced.v1' && it.tenantId == '"
                                + tenant
                                + "' && it.sentAt != null }")
                    != null);
  }

  private JsonPath replay(String scope) {
    return hub.admin()
        .contentType(ContentType.JSON)
        .body(scope)
        .post("/api/v1/admin/dead-letters/replay")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Map<String, Object> deadLetter(String eventId) {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/api/v1/admin/dead-letters")
        .jsonPath()
        .getMap("find { it.eventId == '" + eventId + "' }");
  }

  @Test
  void anOrderTheErpRefusedIsReplayedByAnOperatorOnceAndTheReplayIsAudited() throws Exception {
    sandbox(0, 1);
    String eventId = "evt-" + UUID.randomUUID();
    String correlation = "replay-" + eventId;
    emitOrderCreated(token, eventId, "o-9", correlation);
    Map<String, Object> dead =
        Deadline.await(
            Duration.ofSeconds(30),
            "the refused order is a dead letter",
            () -> deadLetter(eventId));
    assertEquals("REJECTED", dead.get("reason"));

    String scope = "{\"tenantId\":\"" + tenant + "\",\"eventType\":\"order.created.v1\"";
    JsonPath dryRun = replay(scope + ",\"dryRun\":true}");
    assertEquals(List.of(eventId), dryRun.getList("replayed.eventId"));
    assertEquals("NEW", deadLetter(eventId).get("state"), "a dry run changes nothing");
    assertTrue(
        cli("--dry-run", "--tenant", tenant).contains(eventId), "the CLI wrapper calls the API");

    assertEquals(List.of(eventId), replay(scope + "}").getList("replayed.eventId"));
    Deadline.await(
        Duration.ofSeconds(30),
        "the replayed order reaches the ERP and erp.order.synced.v1 is published",
        () -> syncedEventFor(correlation));
    assertEquals("REPLAYED", deadLetter(eventId).get("state"));
    assertEquals(List.of(), replay(scope + "}").getList("replayed"), "a second replay is a no-op");
    assertTrue(
        hub
            .admin()
            .queryParam("direction", "ADMIN")
            .queryParam("limit", 500)
            .get("/api/v1/admin/audit")
            .jsonPath()
            .getList("items.operation", String.class)
            .stream()
            .anyMatch(op -> op.startsWith("dead-letter replay ") && op.endsWith(eventId)),
        "each replay is audited");
  }

  /** Runs liberty/bin/replay-dead-letters against this server, trusting its certificate. */
  private String cli(String... args) throws Exception {
    java.nio.file.Path cert = java.nio.file.Files.createTempFile("hub-cert", ".pem");
    java.nio.file.Files.writeString(
        cert,
        TlsCertificates.serverCertificatePem(
            "localhost", java.net.URI.create(hub.baseUri()).getPort()));
    List<String> command =
        new java.util.ArrayList<>(List.of("bash", "liberty/bin/replay-dead-letters"));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
    process.environment().put("HUB_URL", hub.baseUri());
    process.environment().put("ADMIN_USER", Hub.ADMIN_USER);
    process.environment().put("ADMIN_PASSWORD", Hub.ADMIN_PASSWORD);
    process.environment().put("HUB_CA_CERT", cert.toString());
    Process run = process.start();
    String output = new String(run.getInputStream().readAllBytes());
    assertEquals(0, run.waitFor(), output);
    return output;
  }

  @Test
  void reconciliationFindsAnOrderTheErpLostAndRepairsItByReEmittingTheStoredEvent() {
    String correlation = "recon-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);
    Deadline.await(
        Duration.ofSeconds(30), "the order is synced", () -> syncedEventFor(correlation));
    hub.admin().delete("/sandbox/erp/orders/" + tenant + "/o-1").then().statusCode(204);

    String request = "{\"tenantId\":\"" + tenant + "\",\"orderIds\":[\"o-1\"],\"repair\":";
    JsonPath report =
        hub.admin()
            .contentType(ContentType.JSON)
            .body(request + "false}")
            .post("/api/v1/admin/reconciliations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("MISSING_IN_ERP"), report.getList("findings[0].differences"));
    assertEquals(List.of(), report.getList("findings[0].repairs"), "no repair unless asked");

    hub.admin()
        .contentType(ContentType.JSON)
        .body(request + "true}")
        .post("/api/v1/admin/reconciliations")
        .then()
        .statusCode(200)
        .body("findings[0].repairs[0]", org.hamcrest.Matchers.startsWith("reconcile-"));
    Deadline.await(
        Duration.ofSeconds(30),
        "the re-emitted event brings the order back into the ERP",
        () ->
            hub.admin()
                .queryParam("tenantId", tenant)
                .get("/sandbox/erp/orders")
                .jsonPath()
                .getList("orderId")
                .equals(List.of("o-1")));
    hub.admin()
        .contentType(ContentType.JSON)
        .body(request + "false}")
        .post("/api/v1/admin/reconciliations")
        .then()
        .statusCode(200)
        .body("findings[0].differences", org.hamcrest.Matchers.empty());
    assertTrue(
        hub
            .admin()
            .queryParam("direction", "ADMIN")
            .queryParam("limit", 500)
            .get("/api/v1/admin/audit")
            .jsonPath()
            .getList("items.operation", String.class)
            .stream()
            .anyMatch(op -> op.startsWith("reconciliation order o-1: re-emitted order.created.v1")),
        "the repair is audited");
  }

  @Test
  void anOrderEventForAnotherPartnersTenantIsDeadLetteredNotRetried() {
    String correlation = "owner-" + UUID.randomUUID();
    emitOrderCreated(token, "evt-" + UUID.randomUUID(), "o-1", correlation);
    Deadline.await(
        Duration.ofSeconds(30), "the owner's order is synced", () -> syncedEventFor(correlation));

    Hub.RegisteredPartner intruder = hub.register(List.of("events:write"));
    String eventId = "evt-" + UUID.randomUUID();
    emitOrderCreated(hub.token(intruder, "events:write"), eventId, "o-2", "intruder-" + eventId);
    Map<String, Object> dead =
        Deadline.await(
            Duration.ofSeconds(30),
            "the intruder's event is a dead letter",
            () ->
                hub.admin()
                    .queryParam("tenantId", tenant)
                    .get("/api/v1/admin/dead-letters")
                    .jsonPath()
                    .getMap("find { it.eventId == '" + eventId + "' }"));
    assertEquals("REJECTED", dead.get("reason"));
    assertEquals(1, dead.get("attempts"));
    assertEquals("o-2", dead.get("orderId"));
    assertTrue(dead.get("error").toString().contains("TENANT_NOT_ALLOWED"), dead.toString());
  }
}
