package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partners push signed events to /api/v1/webhooks/{partnerId} (seed B-002, B-102). */
@ExtendWith(ArquillianExtension.class)
class WebhookReceiverIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String partnerId;
  String secret;
  String secretCredentialId;
  String tenant;

  @BeforeEach
  void aPartnerWithAWebhookSecret() {
    hub = new Hub(url);
    partnerId = Hub.uniquePartnerId();
    JsonPath created =
        hub.admin()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "partnerId",
                    partnerId,
                    "name",
                    "Pusher " + partnerId,
                    "mode",
                    "Webhook",
                    "security",
                    "hmac",
                    "contact",
                    "hooks@" + partnerId + ".example"))
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    secret = created.getString("credentials.find { it.kind == 'WEBHOOK_SECRET' }.secret");
    secretCredentialId =
        created.getString("credentials.find { it.kind == 'WEBHOOK_SECRET' }.credentialId");
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String orderCreated(String eventId, String orderId) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + eventId
        + "\",\"type\":\"order.created.v1\",\"source\":\"/partner\","
        + "\"time\":\"2026-12-01T10:00:00Z\",\"datacontenttype\":\"application/json\","
        + "\"tenantid\":\""
        + tenant
        + "\",\"data\":{\"orderId\":\""
        + orderId
        + "\",\"version\":1,\"customerRef\":\"c-1\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"S\","
        + "\"quantity\":1,\"unitPriceMinor\":999,\"lineTotalMinor\":999}],"
        + "\"totals\":{\"netMinor\":999,\"taxMinor\":190,\"grossMinor\":1189}}}";
  }

  private String statusChanged(String orderId, String status, int version, String at) {
    return "{\"specversion\":\"1.0\",\"id\":\"st-"
        + UUID.randomUUID()
        + "\",\"type\":\"order.status.changed.v1\",\"source\":\"/partner\",\"time\":\""
        + at
        + "\",\"datacontenttype\":\"application/json\",\"tenantid\":\""
        + tenant
        + "\",\"data\":{\"orderId\":\""
        + orderId
        + "\",\"status\":\""
        + status
        + "\",\"version\":"
        + version
        + ",\"changedAt\":\""
        + at
        + "\"}}";
  }

  private Response push(String body, String signatureHeader) {
    var request = hub.anonymous().contentType(ContentType.JSON);
    if (signatureHeader != null) {
      request.header("X-Signature", signatureHeader);
    }
    return request
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/webhooks/" + partnerId);
  }

  private Response push(String body) {
    return push(body, Signatures.xSignature(secret, Instant.now().getEpochSecond(), body));
  }

  private List<String> erpOrders() {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/erp/orders")
        .jsonPath()
        .getList("orderId");
  }

  private String erpStatus(String orderId) {
    return hub.admin()
        .get("/sandbox/erp/orders/" + tenant + "/" + orderId)
        .jsonPath()
        .getString("status");
  }

  @Test
  void b002TheSameEventPushedTwiceHasOneOutcomeAndTheSecondDeliveryIsMarkedReplayed() {
    String body = orderCreated("wh-" + UUID.randomUUID(), "o-1");

    push(body).then().statusCode(202).body("replayed", equalTo(false));
    push(body).then().statusCode(200).body("replayed", equalTo(true));

    Deadline.await(
        Duration.ofSeconds(30), "the order reaches the ERP", () -> erpOrders().contains("o-1"));
    String probe = "o-probe";
    push(orderCreated("wh-" + UUID.randomUUID(), probe)).then().statusCode(202);
    Deadline.await(
        Duration.ofSeconds(30), "a later push is through", () -> erpOrders().contains(probe));
    assertEquals(List.of("o-1", probe), erpOrders(), "one ERP order for the two deliveries");
  }

  @Test
  void theSameEventPushedConcurrentlyIsAcceptedOnceAndEveryOtherDeliveryIsAReplay()
      throws Exception {
    String body = orderCreated("wh-" + UUID.randomUUID(), "o-concurrent");
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(12);
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      answers.add(senders.submit(() -> push(body).statusCode()));
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var answer : answers) {
      statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    senders.shutdown();

    assertEquals(1, statuses.stream().filter(s -> s == 202).count(), "accepted once: " + statuses);
    assertEquals(23, statuses.stream().filter(s -> s == 200).count(), "the rest are replays");
    Deadline.await(
        Duration.ofSeconds(30),
        "the order reaches the ERP",
        () -> erpOrders().contains("o-concurrent"));
    assertEquals(List.of("o-concurrent"), erpOrders(), "one ERP order for 24 deliveries");
  }

  @Test
  void b102ATamperedBodyIsRejectedWith401NothingIsProcessedAndAnAlertIsRaised() {
    String body = orderCreated("wh-" + UUID.randomUUID(), "o-1");
    String signed = Signatures.xSignature(secret, Instant.now().getEpochSecond(), body);

    push(body.replace("\"grossMinor\":1189", "\"grossMinor\":1"), signed)
        .then()
        .statusCode(401)
        .body("code", equalTo("SIGNATURE_INVALID"));
    push(body, null).then().statusCode(401).body("code", equalTo("SIGNATURE_INVALID"));

    Map<String, Object> alert =
        hub.admin()
            .queryParam("kind", "WEBHOOK_SIGNATURE")
            .queryParam("subject", partnerId)
            .get("/api/v1/admin/alerts")
            .jsonPath()
            .getMap("[0]");
    assertEquals(2, alert.get("occurrences"), "one alert counting both refusals");
    hub.admin()
        .queryParam("partnerId", partnerId)
        .get("/api/v1/admin/audit")
        .then()
        .body("items[0].errorCode", equalTo("SIGNATURE_INVALID"));
    push(orderCreated("wh-" + UUID.randomUUID(), "o-probe")).then().statusCode(202);
    Deadline.await(
        Duration.ofSeconds(30), "a valid push is through", () -> erpOrders().contains("o-probe"));
    assertEquals(List.of("o-probe"), erpOrders(), "the tampered order was never processed");
  }

  @Test
  void aSignatureOutsideThePartnersWindowIsRefusedAsExpired() {
    String body = orderCreated("wh-" + UUID.randomUUID(), "o-1");
    long now = Instant.now().getEpochSecond();

    push(body, Signatures.xSignature(secret, now - 700, body))
        .then()
        .statusCode(401)
        .body("code", equalTo("SIGNATURE_EXPIRED"));
    push(body, Signatures.xSignature(secret, now - 120, body)).then().statusCode(202);

    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"windowSeconds\":60}")
        .put("/api/v1/admin/webhooks/inbound/" + partnerId)
        .then()
        .statusCode(200);
    String another = orderCreated("wh-" + UUID.randomUUID(), "o-2");
    push(another, Signatures.xSignature(secret, now - 120, another))
        .then()
        .statusCode(401)
        .body("code", equalTo("SIGNATURE_EXPIRED"));
  }

  @Test
  void duringASecretRotationPushesSignedWithEitherSecretAreAccepted() {
    String rotated =
        hub.admin()
            .post(
                "/api/v1/admin/partners/"
                    + partnerId
                    + "/credentials/"
                    + secretCredentialId
                    + "/rotate")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");

    String withOld = orderCreated("wh-" + UUID.randomUUID(), "o-1");
    push(withOld, Signatures.xSignature(secret, Instant.now().getEpochSecond(), withOld))
        .then()
        .statusCode(202);
    String withNew = orderCreated("wh-" + UUID.randomUUID(), "o-2");
    push(withNew, Signatures.xSignature(rotated, Instant.now().getEpochSecond(), withNew))
        .then()
        .statusCode(202);
    String withBoth = orderCreated("wh-" + UUID.randomUUID(), "o-3");
    long t = Instant.now().getEpochSecond();
    String both =
        Signatures.xSignature("not-the-secret", t, withBoth)
            + ","
            + Signatures.xSignature(rotated, t, withBoth).split(",")[1];
    push(withBoth, both).then().statusCode(202);
  }

  @Test
  void theSameEventIdWithAnotherPayloadIsRefusedWith409() {
    String eventId = "wh-" + UUID.randomUUID();
    push(orderCreated(eventId, "o-1")).then().statusCode(202);

    push(orderCreated(eventId, "o-2"))
        .then()
        .statusCode(409)
        .body("code", equalTo("EVENT_ID_REUSED"));
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String big = "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}";

    push(big).then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void aLateOlderStatusEventDoesNotOverwriteANewerOne() {
    push(orderCreated("wh-" + UUID.randomUUID(), "o-1")).then().statusCode(202);
    Deadline.await(
        Duration.ofSeconds(30), "the order is in the ERP", () -> erpOrders().contains("o-1"));

    push(statusChanged("o-1", "SHIPPED", 3, "2026-12-01T12:00:00Z")).then().statusCode(202);
    Deadline.await(
        Duration.ofSeconds(30),
        "SHIPPED reaches the ERP",
        () -> "SHIPPED".equals(erpStatus("o-1")));
    push(statusChanged("o-1", "PAID", 2, "2026-12-01T11:00:00Z")).then().statusCode(202);
    push(orderCreated("wh-" + UUID.randomUUID(), "o-probe")).then().statusCode(202);
    Deadline.await(
        Duration.ofSeconds(30), "a later push is through", () -> erpOrders().contains("o-probe"));

    assertEquals("SHIPPED", erpStatus("o-1"), "the late PAID (version 2) did not regress it");
  }

  @Test
  void anUnknownPartnerIsAnsweredLikeAWrongSignature() {
    String body = orderCreated("wh-" + UUID.randomUUID(), "o-1");
    hub.anonymous()
        .contentType(ContentType.JSON)
        .header("X-Signature", Signatures.xSignature(secret, Instant.now().getEpochSecond(), body))
        .body(body)
        .post("/api/v1/webhooks/nobody-" + partnerId)
        .then()
        .statusCode(401)
        .body("code", equalTo("SIGNATURE_INVALID"));
    assertTrue(erpOrders().isEmpty());
  }
}
