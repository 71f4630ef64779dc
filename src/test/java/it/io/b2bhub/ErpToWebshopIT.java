package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

/**
 * ERP → webshop: the ERP's change feed (invoices, payments, prices) becomes the hub's erp.*.v1
 * events and the contract's pushes to the webshop (here the built-in webshop sandbox), each with
 * its idempotency key and a signature, retried while the webshop fails.
 */
@ExtendWith(ArquillianExtension.class)
class ErpToWebshopIT {
  // Generous: on a loaded 2-core CI machine the change feed's poll was seen to stall for ~13 s
  // twice.
  private static final Duration PROPAGATION = Duration.ofSeconds(60);
  private static final String PUSH_SECRET = "sandbox-webshop-push-secret";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  Hub.RegisteredPartner webshop;
  String tenant;

  @BeforeEach
  void anOrderInTheErp() {
    hub = new Hub(url);
    webshop = hub.register(List.of("erp.orders:write", "invoices:read"));
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    hub.createOrder(hub.token(webshop, "erp.orders:write"), tenant, "o-1");
  }

  @AfterEach
  void healthyWebshop() {
    webshopFailsNext(0);
  }

  private void webshopFailsNext(int pushes) {
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"failNextPushes\":" + pushes + "}")
        .put("/sandbox/webshop/behaviour")
        .then()
        .statusCode(200);
  }

  private String erpRaisesInvoice() {
    return hub.admin()
        .post("/sandbox/erp/orders/" + tenant + "/o-1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("invoiceNumber");
  }

  private JsonPath webshopOrder() {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/webshop/orders/o-1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<Map<String, Object>> webshopReceipts() {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/webshop/receipts")
        .jsonPath()
        .getList("$");
  }

  private String linkedDocumentUrl(String invoiceNumber) {
    return Deadline.await(
        PROPAGATION,
        "the webshop links invoice " + invoiceNumber + " to the order",
        () ->
            webshopOrder()
                .getString(
                    "invoices.find { it.invoiceNumber == '" + invoiceNumber + "' }.documentUrl"));
  }

  /** What a failed wait reports: the tenant's outbox rows, dead letters and webshop receipts. */
  private String whereTheTenantsEventsAre() {
    List<Object> outbox =
        hub.admin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/events/outbox")
            .jsonPath()
            .getList("findAll { it.tenantId == '" + tenant + "' }");
    String deadLetters =
        hub.admin().queryParam("tenantId", tenant).get("/api/v1/admin/dead-letters").asString();
    return "outbox " + outbox + "; dead letters " + deadLetters + "; receipts " + webshopReceipts();
  }

  private double metric(String name, String flow) {
    String metrics = hub.admin().accept("text/plain").get("/metrics?scope=application").asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{"))
        .filter(l -> l.contains("flow=\"" + flow + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  @DisplayName("Invoice event updates webshop order documents")
  void invoiceEventUpdatesWebshopOrderDocuments() {
    String invoice = erpRaisesInvoice();

    String documentUrl = linkedDocumentUrl(invoice);
    assertTrue(documentUrl.contains("/api/v1/documents/invoices/" + invoice + "/document?token="));
    byte[] pdf =
        hub.admin()
            .queryParam("tenantId", tenant)
            .get("/sandbox/webshop/orders/o-1/invoices/" + invoice + "/document")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    assertEquals(
        List.of("invoice:o-1:" + invoice + ":1"),
        webshopReceipts().stream().map(r -> r.get("idempotencyKey")).toList());
    List<String> published =
        hub.admin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/events/outbox")
            .jsonPath()
            .getList(
                "findAll { it.type == 'erp.invoice.available.v1' && it.tenantId == '"
                    + tenant
                    + "' }.destination");
    assertTrue(
        published.contains("b2bhub.webshop.events"),
        "erp.invoice.available.v1 is published for the webshop on JMS: " + published);
  }

  @Test
  void aPaidInvoicePushesThePaymentStatusWithTheContractKeyOnce() {
    String invoice = erpRaisesInvoice();
    linkedDocumentUrl(invoice);
    hub.admin().post("/sandbox/erp/invoices/" + invoice + "/payment").then().statusCode(200);
    hub.admin().post("/sandbox/erp/invoices/" + invoice + "/payment").then().statusCode(200);

    Deadline.await(
        PROPAGATION,
        "the webshop shows the order paid",
        () -> "PAID".equals(webshopOrder().getString("paymentStatus")));
    Deadline.await(
        PROPAGATION,
        "the paid invoice's new version reaches the webshop",
        () -> webshopOrder().getInt("invoices[0].version") == 2);
    List<Object> keys = webshopReceipts().stream().map(r -> r.get("idempotencyKey")).toList();
    assertEquals(
        List.of(
            "invoice:o-1:" + invoice + ":1",
            "invoice:o-1:" + invoice + ":2",
            "payment-status:o-1:PAID:2"),
        keys.stream().sorted().toList(),
        "paying twice is one change in the ERP, so one payment push");
  }

  @Test
  void aPriceChangeReachesTheWebshopAndSettingTheSamePriceAgainChangesNothing() {
    String path = "/sandbox/erp/prices/" + tenant + "/retail/SKU-7";
    for (String body :
        List.of(
            "{\"amountMinor\":1999,\"currency\":\"EUR\",\"effectiveAt\":\"2026-12-01T00:00:00Z\"}",
            "{\"amountMinor\":1999,\"currency\":\"EUR\",\"effectiveAt\":\"2026-12-01T00:00:00Z\"}",
            "{\"amountMinor\":2099,\"currency\":\"EUR\",\"effectiveAt\":\"2026-12-02T00:00:00Z\"}")) {
      hub.admin().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }

    Deadline.await(
        PROPAGATION,
        "the webshop has the newest price",
        () ->
            Integer.valueOf(2099)
                .equals(
                    hub.admin()
                        .queryParam("tenantId", tenant)
                        .get("/sandbox/webshop/prices")
                        .jsonPath()
                        .get("find { it.articleNumber == 'SKU-7' }.amountMinor")),
        this::whereTheTenantsEventsAre);
    assertEquals(
        List.of("price:SKU-7:retail:1", "price:SKU-7:retail:2"),
        webshopReceipts().stream().map(r -> (String) r.get("idempotencyKey")).sorted().toList());
  }

  @Test
  void aFailingWebshopIsRetriedWithBackoffUntilItAcceptsThePush() {
    double retriesBefore = metric("b2bhub_events_retries_scheduled_total", "webshop.push.invoice");
    webshopFailsNext(2);

    String invoice = erpRaisesInvoice();

    linkedDocumentUrl(invoice);
    assertTrue(
        metric("b2bhub_events_retries_scheduled_total", "webshop.push.invoice")
            >= retriesBefore + 2,
        "two failed pushes, two scheduled retries");
    assertEquals(1, webshopReceipts().size(), "accepted once, after the failures");
  }

  @Test
  void theDocumentLinkOpensOnlyItsOwnInvoiceAndOnlyUnaltered() {
    String invoice = erpRaisesInvoice();
    String documentUrl = linkedDocumentUrl(invoice);
    String token = documentUrl.substring(documentUrl.indexOf("token=") + 6);
    String other = erpRaisesInvoice();

    hub.anonymous()
        .urlEncodingEnabled(false)
        .get("/api/v1/documents/invoices/" + invoice + "/document?token=" + token)
        .then()
        .statusCode(200)
        .contentType("application/pdf");
    hub.anonymous()
        .urlEncodingEnabled(false)
        .get("/api/v1/documents/invoices/" + other + "/document?token=" + token)
        .then()
        .statusCode(401)
        .body("code", equalTo("LINK_INVALID"));
    String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    hub.anonymous()
        .urlEncodingEnabled(false)
        .get("/api/v1/documents/invoices/" + invoice + "/document?token=" + altered)
        .then()
        .statusCode(401)
        .body("code", equalTo("LINK_INVALID"));
    hub.anonymous()
        .get("/api/v1/documents/invoices/" + invoice + "/document")
        .then()
        .statusCode(401)
        .body("code", equalTo("LINK_INVALID"));
  }

  @Test
  void aPartnerFetchesAnInvoiceDocumentWithItsTokenOnlyForItsOwnTenant() {
    String invoice = erpRaisesInvoice();
    Hub.RegisteredPartner stranger = hub.register(List.of("invoices:read"));

    byte[] pdf =
        hub.partner(hub.token(webshop, "invoices:read"))
            .get("/api/v1/erp/invoices/" + invoice + "/document")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    hub.partner(hub.token(stranger, "invoices:read"))
        .get("/api/v1/erp/invoices/" + invoice + "/document")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void theWebshopSandboxChecksSignatureAndKeyAndAnswersARepeatWithoutASecondEffect() {
    String body =
        "{\"tenantId\":\""
            + tenant
            + "\",\"orderId\":\"o-9\",\"invoiceNumber\":\"INV-X\",\"status\":\"PAID\","
            + "\"externalVersion\":3}";
    String key = "payment-status:o-9:PAID:3";

    push(key, body, sign(body)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
    push(key, body, sign(body))
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("outcome", equalTo("REPLAYED"));
    String otherBody = body.replace("\"PAID\"", "\"OPEN\"");
    push(key.replace("PAID", "OPEN"), otherBody, sign(otherBody))
        .then()
        .statusCode(200)
        .body("outcome", equalTo("STALE"));
    push(key, body.replace("INV-X", "INV-Y"), sign(body.replace("INV-X", "INV-Y")))
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    push(key, body.replace("PAID\",", "PAID\" ,"), sign(body))
        .then()
        .statusCode(401)
        .body("code", equalTo("SIGNATURE_INVALID"));
    assertEquals(
        "PAID",
        hub.admin()
            .queryParam("tenantId", tenant)
            .get("/sandbox/webshop/orders/o-9")
            .jsonPath()
            .getString("paymentStatus"),
        "the older OPEN push did not overwrite PAID");
  }

  private io.restassured.response.Response push(String key, String body, String signature) {
    return hub.admin()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .header("X-Signature", signature)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/sandbox/webshop/orders/o-9/payment-status");
  }

  private static String sign(String body) {
    return Signatures.xSignature(PUSH_SECRET, Instant.now().getEpochSecond(), body);
  }
}
