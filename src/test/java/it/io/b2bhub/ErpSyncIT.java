package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webshop → ERP sync API against the built-in ERP sandbox, including its failure modes
 * (contract Gherkin "Customer upsert is idempotent", seed B-103).
 */
@ExtendWith(ArquillianExtension.class)
class ErpSyncIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String token;
  String tenant;

  @BeforeEach
  void webshopWithSyncScopes() {
    hub = new Hub(url);
    Hub.RegisteredPartner webshop =
        hub.register(List.of("erp.customers:write", "erp.orders:write"));
    token = hub.token(webshop, "erp.customers:write erp.orders:write");
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    sandbox(0, 0, 0, 0);
  }

  @AfterEach
  void healthyErp() {
    sandbox(0, 0, 0, 0);
  }

  private void sandbox(
      double unavailableShare,
      double rateLimitedShare,
      int retryAfterSeconds,
      int rateLimitNextCalls) {
    hub.admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"latencyMs\":0,\"unavailableShare\":"
                + unavailableShare
                + ",\"rateLimitedShare\":"
                + rateLimitedShare
                + ",\"retryAfterSeconds\":"
                + retryAfterSeconds
                + ",\"rateLimitNextCalls\":"
                + rateLimitNextCalls
                + "}")
        .put("/sandbox/erp/behaviour")
        .then()
        .statusCode(200);
  }

  private String customer(String customerId, long version, String name) {
    return "{\"schemaVersion\":2,\"tenantId\":\""
        + tenant
        + "\",\"customerId\":\""
        + customerId
        + "\",\"version\":"
        + version
        + ",\"name\":\""
        + name
        + "\",\"email\":\"a@example.com\","
        + "\"countryCode\":\"DE\"}";
  }

  private String order(String orderId, long version) {
    return "{\"schemaVersion\":2,\"tenantId\":\""
        + tenant
        + "\",\"orderId\":\""
        + orderId
        + "\",\"version\":"
        + version
        + ",\"customerRef\":\"c-1\",\"currency\":\"EUR\","
        + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPriceMinor\":1250,\"lineTotalMinor\":2500}],"
        + "\"totals\":{\"netMinor\":2500,\"taxMinor\":475,\"grossMinor\":2975}}";
  }

  private Response post(String path, String key, String body) {
    var request = hub.partner(token).contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/erp" + path);
  }

  private JsonPath erpCustomers() {
    return hub.admin().queryParam("tenantId", tenant).get("/sandbox/erp/customers").jsonPath();
  }

  @Test
  @DisplayName("Customer upsert is idempotent")
  void customerUpsertIsIdempotent() {
    String key = "customer:" + tenant + ":c-1:1";
    post("/customers", key, customer("c-1", 1, "Ada"))
        .then()
        .statusCode(201)
        .body("outcome", equalTo("CREATED"))
        .body("erpCustomerId", startsWith("ERP-C-"));

    String replayed =
        post("/customers", key, customer("c-1", 1, "Ada"))
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract()
            .asString();

    assertEquals(1, erpCustomers().getList("$").size(), "exactly one ERP customer");
    assertTrue(replayed.contains("\"outcome\":\"CREATED\""));
  }

  @Test
  void sameKeyWithAnotherPayloadIs422AndNothingReachesTheErp() {
    String key = "customer:" + tenant + ":c-1:1";
    post("/customers", key, customer("c-1", 1, "Ada")).then().statusCode(201);
    post("/customers", key, customer("c-1", 1, "Eve"))
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertEquals("Ada", erpCustomers().getString("[0].name"));
  }

  @Test
  void keyNamingAnotherRecordIs422AndAMissingKeyIs400() {
    post("/customers", "customer:" + tenant + ":c-2:1", customer("c-1", 1, "Ada"))
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_MISMATCH"));
    post("/orders", "order:" + tenant + ":o-9:1", order("o-1", 1))
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_MISMATCH"));
    post("/customers", null, customer("c-1", 1, "Ada"))
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].pointer", equalTo("Idempotency-Key"));
  }

  @Test
  void anAnsweredOrderCreateAndItsReplayAreEachAuditedOnceWithTheirStatus() {
    String created = "sync-audit-" + UUID.randomUUID();
    createOrderOne(created).then().statusCode(201);
    String replayed = "sync-audit-" + UUID.randomUUID();
    createOrderOne(replayed).then().statusCode(201).header("Idempotent-Replayed", "true");

    hub.admin()
        .queryParam("correlationId", created)
        .queryParam("direction", "INBOUND")
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].operation", equalTo("POST /api/v1/erp/orders"))
        .body("items[0].httpStatus", equalTo(201))
        .body("items[0].outcome", equalTo("SUCCEEDED"))
        .body("items[0].durationMs", notNullValue());
    hub.admin()
        .queryParam("correlationId", created)
        .queryParam("direction", "OUTBOUND")
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].operation", equalTo("ERP POST /orders"));
    hub.admin()
        .queryParam("correlationId", replayed)
        .get("/api/v1/admin/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].direction", equalTo("INBOUND"))
        .body("items[0].httpStatus", equalTo(201));
  }

  private Response createOrderOne(String correlationId) {
    return hub.partner(token)
        .header("X-Correlation-ID", correlationId)
        .header("Idempotency-Key", "order:" + tenant + ":o-1:1")
        .contentType(ContentType.JSON)
        .body(order("o-1", 1))
        .post("/api/v1/erp/orders");
  }

  @Test
  void concurrentDuplicatesProduceExactlyOneErpCustomer() throws Exception {
    String key = "customer:" + tenant + ":c-1:1";
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          pool.submit(
              () -> {
                start.await();
                return post("/customers", key, customer("c-1", 1, "Ada")).statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> call : calls) {
      statuses.add(call.get());
    }
    pool.shutdown();
    org.hamcrest.MatcherAssert.assertThat(statuses, everyItem(oneOf(201, 409)));
    org.hamcrest.MatcherAssert.assertThat(statuses, hasItem(201));
    assertEquals(1, erpCustomers().getList("$").size(), "exactly one ERP customer");
  }

  @Test
  void olderVersionIsAcknowledgedAsStaleAndDoesNotOverwrite() {
    post("/customers", "customer:" + tenant + ":c-1:5", customer("c-1", 5, "Newer"))
        .then()
        .statusCode(201);
    post("/customers", "customer:" + tenant + ":c-1:4", customer("c-1", 4, "Older"))
        .then()
        .statusCode(200)
        .body("outcome", equalTo("STALE_IGNORED"));
    assertEquals("Newer", erpCustomers().getString("[0].name"));
    assertEquals(5, erpCustomers().getInt("[0].version"));
  }

  @Test
  void version1ContractIsUpgradedAndAnUnknownVersionIsRefusedWithTheSupportedOnes() {
    String v1 =
        "{\"schemaVersion\":1,\"tenantId\":\""
            + tenant
            + "\",\"customerId\":\"c-1\",\"version\":1,"
            + "\"fullName\":\"Old Client\",\"email\":\"old@example.com\",\"country\":\"FR\"}";
    post("/customers", "customer:" + tenant + ":c-1:1", v1)
        .then()
        .statusCode(201)
        .body("outcome", equalTo("CREATED"));
    assertEquals("Old Client", erpCustomers().getString("[0].name"));

    post(
            "/customers",
            "customer:" + tenant + ":c-2:1",
            "{\"schemaVersion\":7,\"tenantId\":\"" + tenant + "\",\"customerId\":\"c-2\"}")
        .then()
        .statusCode(400)
        .body("code", equalTo("CONTRACT_VERSION_UNSUPPORTED"))
        .body("detail", org.hamcrest.Matchers.containsString("[1, 2]"));
  }

  @Test
  void orderThatDoesNotAddUpIsRejectedFieldByField() {
    String bad =
        order("o-1", 1)
            .replace("\"lineTotalMinor\":2500", "\"lineTotalMinor\":2400")
            .replace("\"currency\":\"EUR\"", "\"currency\":\"EURO\"");
    post("/orders", "order:" + tenant + ":o-1:1", bad)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.pointer", hasItem("/currency"));
    String badSums = order("o-1", 1).replace("\"lineTotalMinor\":2500", "\"lineTotalMinor\":2400");
    post("/orders", "order:" + tenant + ":o-1:1", badSums)
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/lines/0/lineTotalMinor"))
        .body("errors.pointer", hasItem("/totals/netMinor"));
  }

  @Test
  void orderAndItsStatusReachTheErpAndOutOfOrderStatusDoesNotRegress() {
    post("/orders", "order:" + tenant + ":o-1:1", order("o-1", 1))
        .then()
        .statusCode(201)
        .body("erpOrderId", startsWith("ERP-O-"));
    post(
            "/orders/o-1/status",
            "order-status:" + tenant + ":o-1:SHIPPED:3",
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"status\":\"SHIPPED\",\"version\":3}")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("APPLIED"));
    post(
            "/orders/o-1/status",
            "order-status:" + tenant + ":o-1:PAID:2",
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"status\":\"PAID\",\"version\":2}")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("STALE_IGNORED"))
        .body("status", equalTo("SHIPPED"));
    hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/erp/orders")
        .then()
        .body("[0].status", equalTo("SHIPPED"));

    post(
            "/orders/o-404/status",
            "order-status:" + tenant + ":o-404:PAID:1",
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"status\":\"PAID\",\"version\":1}")
        .then()
        .statusCode(404)
        .body("code", equalTo("ORDER_NOT_FOUND"));
  }

  @Test
  void rateLimitedErpIsRetriedAfterItsRetryAfterAndThenSucceeds() {
    sandbox(0, 0, 1, 2);
    String correlationId = "b103-" + UUID.randomUUID();
    hub.partner(token)
        .contentType(ContentType.JSON)
        .header("X-Correlation-ID", correlationId)
        .header("Idempotency-Key", "customer:" + tenant + ":c-1:1")
        .body(customer("c-1", 1, "Ada"))
        .post("/api/v1/erp/customers")
        .then()
        .statusCode(201);

    JsonPath attempts =
        hub.admin()
            .queryParam("correlationId", correlationId)
            .queryParam("direction", "OUTBOUND")
            .get("/api/v1/admin/audit")
            .jsonPath();
    List<Integer> statuses = attempts.getList("items.httpStatus");
    assertEquals(List.of(201, 429, 429), statuses, "newest first: two refusals, then success");
    Instant first = Instant.parse(attempts.getString("items[2].occurredAt"));
    Instant second = Instant.parse(attempts.getString("items[1].occurredAt"));
    assertTrue(Duration.between(first, second).toMillis() >= 1000, "waited for Retry-After: 1");
  }

  @Test
  void b103UnavailableErpOpensTheBreakerAndRequestsAreQueuedNotFailed() {
    sandbox(1.0, 0, 0, 0);
    List<String> statusUrls = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String key = "customer:" + tenant + ":c-" + i + ":1";
      Response queued = post("/customers", key, customer("c-" + i, 1, "Ada"));
      queued
          .then()
          .statusCode(202)
          .header("Location", startsWith(hub.baseUri() + "/api/v1/erp/requests/"))
          .body("state", equalTo("PENDING"));
      statusUrls.add(queued.path("statusUrl"));
    }
    hub.partner(token)
        .get(statusUrls.get(0))
        .then()
        .statusCode(200)
        .body("state", equalTo("PENDING"))
        .body("operation", equalTo("CUSTOMER_UPSERT"));
    post("/customers", "customer:" + tenant + ":c-1:1", customer("c-1", 1, "Ada"))
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true");
    hub.admin()
        .queryParam("direction", "OUTBOUND")
        .queryParam("limit", 500)
        .get("/api/v1/admin/audit")
        .then()
        .body("items.errorCode", hasItem("ERP_CIRCUIT_OPEN"));
    assertEquals(0, erpCustomers().getList("$").size(), "nothing reached the failing ERP");
    String firstRequestId = statusUrls.get(0).substring(statusUrls.get(0).lastIndexOf('/') + 1);
    hub.admin()
        .queryParam("limit", 500)
        .get("/api/v1/admin/erp/pending-requests")
        .then()
        .statusCode(200)
        .body("items.requestId", hasItem(firstRequestId))
        .body(
            "items.find { it.requestId == '" + firstRequestId + "' }.idempotencyKey",
            equalTo("customer:" + tenant + ":c-1:1"))
        .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("payload")));

    awaitHealthyErp();
    Deadline.await(
        Duration.ofSeconds(90),
        "the queued requests drain through the events path once the ERP is back",
        () ->
            statusUrls.stream()
                .allMatch(u -> "DONE".equals(hub.partner(token).get(u).path("state"))));
    hub.partner(token).get(statusUrls.get(0)).then().body("erpId", startsWith("ERP-C-"));
    assertEquals(
        List.of("Ada", "Ada", "Ada", "Ada", "Ada"),
        erpCustomers().getList("name"),
        "c-1..c-4 and the probe, each once");
  }

  /** Heals the sandbox and waits until the breaker lets calls through again. */
  private void awaitHealthyErp() {
    sandbox(0, 0, 0, 0);
    Deadline.await(
        Duration.ofSeconds(30),
        "the breaker closes again once the ERP is healthy",
        () -> {
          long version = System.nanoTime();
          String key = "customer:" + tenant + ":c-probe:" + version;
          int status = post("/customers", key, customer("c-probe", version, "Ada")).statusCode();
          return status == 200 || status == 201;
        });
  }

  @Test
  void statusChangeForAnOrderWhoseCreateIsQueuedIsQueuedBehindIt() {
    sandbox(1.0, 0, 0, 0);
    post("/orders", "order:" + tenant + ":o-1:1", order("o-1", 1)).then().statusCode(202);
    post(
            "/orders/o-1/status",
            "order-status:" + tenant + ":o-1:PAID:1",
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"status\":\"PAID\",\"version\":1}")
        .then()
        .statusCode(202)
        .body("state", equalTo("PENDING"));
    hub.admin()
        .queryParam("limit", 500)
        .get("/api/v1/admin/erp/pending-requests")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.idempotencyKey == 'order-status:"
                + tenant
                + ":o-1:PAID:1' }.operation",
            equalTo("ORDER_STATUS"));
    awaitHealthyErp();
    Deadline.await(
        Duration.ofSeconds(150),
        "the queued create and then its status reach the ERP",
        () ->
            "PAID"
                .equals(
                    hub.admin()
                        .queryParam("tenantId", tenant)
                        .get("/sandbox/erp/orders")
                        .jsonPath()
                        .getString("find { it.orderId == 'o-1' }.status")));
  }

  @Test
  void aNewerOrderVersionIsRecordedByTheHubWhileTheErpKeepsItsOrder() {
    String erpOrderId =
        post("/orders", "order:" + tenant + ":o-1:1", order("o-1", 1))
            .then()
            .statusCode(201)
            .body("outcome", equalTo("CREATED"))
            .extract()
            .path("erpOrderId");
    post("/orders", "order:" + tenant + ":o-1:2", order("o-1", 2))
        .then()
        .statusCode(200)
        .body("outcome", equalTo("ALREADY_EXISTS"))
        .body("version", equalTo(2))
        .body("erpOrderId", equalTo(erpOrderId));
  }

  @Test
  void aTenantBelongsToThePartnerThatFirstSentForItSoNoPartnerCanWriteAnothersErpRecords() {
    post("/customers", "customer:" + tenant + ":c-1:1", customer("c-1", 1, "Ada"))
        .then()
        .statusCode(201);
    Hub.RegisteredPartner intruder = hub.register(List.of("erp.customers:write"));
    hub.partner(hub.token(intruder, "erp.customers:write"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "customer:" + tenant + ":c-1:2")
        .body(customer("c-1", 2, "Mallory"))
        .post("/api/v1/erp/customers")
        .then()
        .statusCode(403)
        .body("code", equalTo("TENANT_NOT_ALLOWED"));
    assertEquals("Ada", erpCustomers().getString("[0].name"));
  }

  @Test
  void anotherPartnersQueuedRequestIsNotFound() {
    hub.partner(token)
        .get("/api/v1/erp/requests/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"))
        .body("errors", is(nullValue()));
  }
}
