package it.io.b2bhub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed B-001: a partner pulls changed orders page by page; the cursor is stable under writes. */
@ExtendWith(ArquillianExtension.class)
class OrderExportIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  Hub.RegisteredPartner partner;
  String writeToken;
  String readToken;
  String tenant;

  @BeforeEach
  void partnerThatSendsAndPullsOrders() {
    hub = new Hub(url);
    partner = hub.register(List.of("erp.orders:write", "orders:read", "customers:read"));
    writeToken = hub.token(partner, "erp.orders:write");
    readToken = hub.token(partner, "orders:read customers:read");
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void sendOrder(String orderId) {
    hub.partner(writeToken)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "order:" + tenant + ":" + orderId + ":1")
        .body(
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"orderId\":\""
                + orderId
                + "\",\"version\":1,\"customerRef\":\"c-1\",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceMinor\":999,\"lineTotalMinor\":999}],"
                + "\"totals\":{\"netMinor\":999,\"taxMinor\":190,\"grossMinor\":1189}}")
        .post("/api/v1/erp/orders")
        .then()
        .statusCode(201);
  }

  private void changeStatus(String orderId, String status, long version) {
    hub.partner(writeToken)
        .contentType(ContentType.JSON)
        .header(
            "Idempotency-Key",
            "order-status:" + tenant + ":" + orderId + ":" + status + ":" + version)
        .body(
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"status\":\""
                + status
                + "\",\"version\":"
                + version
                + "}")
        .post("/api/v1/erp/orders/" + orderId + "/status")
        .then()
        .statusCode(200);
  }

  /** Every page until the end, as (orderId, updatedAt) changes in the order they came. */
  private List<String> readAllChanges(int pageSize) {
    List<String> changes = new ArrayList<>();
    String cursor = null;
    boolean more;
    do {
      var request = hub.partner(readToken).queryParam("limit", pageSize);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/v1/orders").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> item : items) {
        changes.add(item.get("orderId") + "@" + item.get("updatedAt"));
      }
      cursor = page.getString("nextCursor");
      more = page.getBoolean("hasMore");
    } while (more);
    return changes;
  }

  @Test
  void b001OrderExportSeesEveryChangeOnceWhileOthersWrite() throws Exception {
    Set<String> before = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      sendOrder("o-" + i);
      before.add("o-" + i);
    }
    Deadline.await(
        Duration.ofSeconds(30),
        "all 25 orders are settled and exported",
        () -> readAllChanges(500).size() >= 25);

    AtomicBoolean reading = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    Future<Integer> newOrders =
        writers.submit(
            () -> {
              int n = 0;
              while (reading.get() && n < 200) {
                sendOrder("new-" + n++);
              }
              return n;
            });
    Future<Integer> statusChanges =
        writers.submit(
            () -> {
              int n = 0;
              while (reading.get() && n < 200) {
                changeStatus("o-" + (n % 25), "CONFIRMED", 10 + n);
                n++;
              }
              return n;
            });
    List<String> changes;
    try {
      changes = readAllChanges(3);
    } finally {
      reading.set(false);
    }
    assertTrue(newOrders.get() + statusChanges.get() > 0, "writers ran during the read");
    writers.shutdown();

    assertEquals(new HashSet<>(changes).size(), changes.size(), "no change seen twice: " + changes);
    Set<String> seenOrders = new HashSet<>();
    changes.forEach(change -> seenOrders.add(change.substring(0, change.indexOf('@'))));
    assertTrue(seenOrders.containsAll(before), "every order changed before the read was seen");
  }

  @Test
  void exportFollowsThePartnersFieldMapping() {
    sendOrder("o-1");
    hub.admin()
        .contentType("text/csv")
        .body(
            "ours,partner,type,notes\n"
                + "order_id,OrderNumber,string,stable external id\n"
                + "total_amount,TotalGross,integer,minor units\n"
                + "currency,CurrencyCode,string,ISO-4217\n"
                + "updated_at,LastModified,datetime,UTC ISO-8601\n")
        .put("/api/v1/admin/partners/" + partner.partnerId() + "/field-mappings/orders")
        .then()
        .statusCode(200);

    JsonPath page =
        Deadline.await(
            Duration.ofSeconds(30),
            "the order is exported",
            () -> {
              JsonPath p = hub.partner(readToken).get("/api/v1/orders").jsonPath();
              return p.getList("items").isEmpty() ? null : p;
            });
    Map<String, Object> item = page.getMap("items[0]");
    assertEquals("o-1", item.get("OrderNumber"));
    assertEquals(1189, item.get("TotalGross"));
    assertEquals("EUR", item.get("CurrencyCode"));
    assertTrue(item.get("LastModified").toString().endsWith("Z"));
    assertTrue(!item.containsKey("orderId") && item.containsKey("status"), "unmapped fields stay");
  }

  @Test
  void badMappingFileIsRejectedLineByLine() {
    hub.admin()
        .contentType("text/csv")
        .body("ours,partner,type,notes\norder_id,OrderNumber,money,\nTotal,TotalGross,integer,\n")
        .put("/api/v1/admin/partners/" + partner.partnerId() + "/field-mappings/orders")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void mappingThatWouldConfuseOrMissFieldsIsRefusedLineByLine() {
    hub.admin()
        .contentType("text/csv")
        .body(
            "ours,partner,type,notes\n"
                + "order_id,Number,string,\n"
                + "total_amount,Number,integer,two fields onto one\n"
                + "net_amount,status,integer,onto our status which keeps its name\n"
                + "shoe_size,Size,integer,not a field of orders\n")
        .put("/api/v1/admin/partners/" + partner.partnerId() + "/field-mappings/orders")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.pointer", hasItems("line 3/partner", "line 4/partner", "line 5/ours"));
    hub.admin()
        .contentType("text/csv")
        .body("ours,partner,type,notes\norder_id,OrderNumber,string,\n")
        .put("/api/v1/admin/partners/" + partner.partnerId() + "/field-mappings/parcels")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("detail", containsString("customers, orders"));
  }

  @Test
  void theLastPageSaysWhereToResumeOnceMoreHasChanged() {
    sendOrder("o-1");
    Deadline.await(
        Duration.ofSeconds(30), "the order is exported", () -> !readAllChanges(10).isEmpty());
    JsonPath last = hub.partner(readToken).get("/api/v1/orders").jsonPath();
    assertFalse(last.getBoolean("hasMore"));
    String resume = last.getString("nextCursor");
    assertNotNull(resume, "the end of the feed still carries a cursor");

    sendOrder("o-2");
    Deadline.await(
        Duration.ofSeconds(30),
        "polling from the saved cursor returns exactly the new order",
        () ->
            hub.partner(readToken)
                .queryParam("cursor", resume)
                .get("/api/v1/orders")
                .jsonPath()
                .getList("items.orderId")
                .equals(List.of("o-2")));
  }

  @Test
  void partnerSeesOnlyItsOwnOrdersAndCursorsCannotCrossPartners() {
    sendOrder("o-1");
    Hub.RegisteredPartner other = hub.register(List.of("orders:read"));
    String otherToken = hub.token(other, "orders:read");
    Deadline.await(
        Duration.ofSeconds(30), "the order is exported", () -> !readAllChanges(1).isEmpty());
    hub.partner(otherToken)
        .get("/api/v1/orders")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("$", not(hasKey("nextCursor")));

    sendOrder("o-2");
    Deadline.await(
        Duration.ofSeconds(30), "both orders are exported", () -> readAllChanges(1).size() >= 2);
    String cursor =
        hub.partner(readToken).queryParam("limit", 1).get("/api/v1/orders").path("nextCursor");
    hub.partner(otherToken)
        .queryParam("cursor", cursor)
        .get("/api/v1/orders")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_CURSOR"));
  }

  @Test
  void exportNeedsTheReadScope() {
    hub.partner(writeToken)
        .get("/api/v1/orders")
        .then()
        .statusCode(403)
        .body("code", equalTo("INSUFFICIENT_SCOPE"));
    hub.partner(readToken)
        .queryParam("changed_since", "yesterday")
        .get("/api/v1/orders")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"));
  }

  @Test
  void customersAreExportedWithoutPersonalData() {
    String customersToken =
        hub.token(
            hub.register(List.of("erp.customers:write", "customers:read")),
            "erp.customers:write customers:read");
    hub.partner(customersToken)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "customer:" + tenant + ":c-1:1")
        .body(
            "{\"schemaVersion\":2,\"tenantId\":\""
                + tenant
                + "\",\"customerId\":\"c-1\","
                + "\"version\":1,\"name\":\"Ada Private\",\"email\":\"ada@private.example\"}")
        .post("/api/v1/erp/customers")
        .then()
        .statusCode(201);
    JsonPath page =
        Deadline.await(
            Duration.ofSeconds(30),
            "the customer is exported",
            () -> {
              JsonPath p = hub.partner(customersToken).get("/api/v1/customers").jsonPath();
              return p.getList("items").isEmpty() ? null : p;
            });
    Map<String, Object> customer = new HashMap<>(page.getMap("items[0]"));
    assertEquals("c-1", customer.get("customerId"));
    assertTrue(
        !customer.toString().contains("Ada Private") && !customer.toString().contains("ada@"));
  }
}
