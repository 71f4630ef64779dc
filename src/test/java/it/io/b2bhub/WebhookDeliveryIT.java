package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub delivers its events to partners' endpoints (real HTTP receivers on loopback): signed,
 * retried with backoff, isolated per endpoint, disabled on 410, replayable.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookDeliveryIT {
  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  WebhookReceiver receiver;
  Hub.RegisteredPartner partner;
  String tenant;

  @BeforeEach
  void aPartnerWithAnOrderAndAnEndpoint() throws Exception {
    hub = new Hub(url);
    receiver = new WebhookReceiver();
    partner = hub.register(List.of("erp.orders:write"));
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    hub.createOrder(hub.token(partner, "erp.orders:write"), tenant, "o-1");
  }

  @AfterEach
  void closeReceiver() {
    receiver.close();
  }

  private JsonPath subscribe(String partnerId, String path, String style, List<String> types) {
    return hub.admin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "partnerId", partnerId,
                "url", receiver.url(path),
                "eventTypes", types,
                "headerStyle", style,
                "maxInFlight", 1))
        .post("/api/v1/admin/webhooks/subscriptions")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private JsonPath subscribe(String path) {
    return subscribe(partner.partnerId(), path, "HUB", List.of("erp.invoice.available.v1"));
  }

  private String sendTest(String subscriptionId) {
    return hub.admin()
        .post("/api/v1/admin/webhooks/subscriptions/" + subscriptionId + "/test")
        .then()
        .statusCode(202)
        .extract()
        .path("eventId");
  }

  private String raiseInvoice() {
    return hub.admin()
        .post("/sandbox/erp/orders/" + tenant + "/o-1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("invoiceNumber");
  }

  private JsonPath subscription(String id) {
    return hub.admin().get("/api/v1/admin/webhooks/subscriptions/" + id).jsonPath();
  }

  private List<Map<String, Object>> deliveries(String subscriptionId) {
    return hub.admin()
        .get("/api/v1/admin/webhooks/subscriptions/" + subscriptionId + "/deliveries")
        .jsonPath()
        .getList("$");
  }

  @Test
  void anEventOfThePartnersTenantIsDeliveredSignedAndOnlyToThatPartner() throws Exception {
    receiver.answer("/mine", WebhookReceiver.Behaviour.ok());
    receiver.answer("/theirs", WebhookReceiver.Behaviour.ok());
    JsonPath mine = subscribe("/mine");
    Hub.RegisteredPartner other = hub.register(List.of("partner:read"));
    subscribe(other.partnerId(), "/theirs", "HUB", List.of("erp.invoice.available.v1"));

    String invoice = raiseInvoice();

    WebhookReceiver.Received got =
        Deadline.await(
            WITHIN,
            "the invoice event reaches the endpoint",
            () -> receiver.receivedAt("/mine").stream().findFirst().orElse(null));
    assertEquals("erp.invoice.available.v1", got.header("X-Event-Type"));
    assertTrue(got.body().contains(invoice));
    String[] parts = got.header("X-Signature").split(",");
    String t = parts[0].substring(2);
    assertEquals(
        Signatures.hmacHex(mine.getString("secret"), t + "." + got.body()), parts[1].substring(3));
    assertEquals(got.header("X-Event-Id"), JsonPath.from(got.body()).getString("id"));
    assertNotNull(got.header("X-Correlation-ID"));
    Map<String, Object> delivery =
        Deadline.await(
            WITHIN,
            "the delivery is recorded as delivered",
            () ->
                deliveries(mine.getString("subscription.subscriptionId")).stream()
                    .filter(d -> "DELIVERED".equals(d.get("state")))
                    .findFirst()
                    .orElse(null));
    List<Map<String, Object>> attempts =
        hub.admin()
            .get("/api/v1/admin/webhooks/deliveries/" + delivery.get("deliveryId") + "/attempts")
            .jsonPath()
            .getList("$");
    assertEquals(200, attempts.get(0).get("httpStatus"));
    assertTrue(receiver.receivedAt("/theirs").isEmpty(), "another partner never gets it");
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheDeliveryOnTheThirdAttempt() {
    receiver.answer("/flaky", WebhookReceiver.Behaviour.failingFirst(2));
    String id = subscribe("/flaky").getString("subscription.subscriptionId");

    String eventId = sendTest(id);

    Deadline.await(
        WITHIN,
        "delivered after two failures",
        () -> "DELIVERED".equals(deliveries(id).get(0).get("state")));
    assertEquals(3, receiver.receivedAt("/flaky").size());
    assertTrue(
        receiver.receivedAt("/flaky").stream()
            .allMatch(r -> eventId.equals(r.header("X-Event-Id"))));
    List<Integer> statuses =
        hub.admin()
            .get(
                "/api/v1/admin/webhooks/deliveries/"
                    + deliveries(id).get(0).get("deliveryId")
                    + "/attempts")
            .jsonPath()
            .getList("httpStatus");
    assertEquals(List.of(503, 503, 200), statuses);
  }

  @Test
  void anEndpointAnswering410IsDisabledWithAnAlert() {
    receiver.answer("/gone", WebhookReceiver.Behaviour.answering(410));
    String id = subscribe("/gone").getString("subscription.subscriptionId");

    sendTest(id);

    Deadline.await(
        WITHIN,
        "the subscription is disabled",
        () -> "DISABLED".equals(subscription(id).getString("state")));
    assertEquals(1, receiver.receivedAt("/gone").size(), "never tried again");
    hub.admin()
        .queryParam("kind", "WEBHOOK_ENDPOINT_DISABLED")
        .queryParam("subject", id)
        .get("/api/v1/admin/alerts")
        .then()
        .body("size()", equalTo(1));
  }

  @Test
  void aSlowEndpointDoesNotDelayAHealthyOne() {
    receiver.answer("/slow", WebhookReceiver.Behaviour.taking(Duration.ofSeconds(20)));
    receiver.answer("/healthy", WebhookReceiver.Behaviour.ok());
    String slow = subscribe("/slow").getString("subscription.subscriptionId");
    String healthy = subscribe("/healthy").getString("subscription.subscriptionId");
    for (int i = 0; i < 5; i++) {
      sendTest(slow);
    }

    Instant sent = Instant.now();
    sendTest(healthy);

    Deadline.await(
        Duration.ofSeconds(5),
        "the healthy endpoint is served while the slow one hangs",
        () -> !receiver.receivedAt("/healthy").isEmpty());
    assertTrue(
        Duration.between(sent, receiver.receivedAt("/healthy").get(0).at()).toMillis() < 5000);
  }

  @Test
  void aRefusedDeliveryIsReplayedWithItsOriginalEventId() {
    receiver.answer("/strict", WebhookReceiver.Behaviour.answering(400));
    String id = subscribe("/strict").getString("subscription.subscriptionId");
    String eventId = sendTest(id);
    Deadline.await(
        WITHIN,
        "the endpoint refuses it",
        () -> "FAILED".equals(deliveries(id).get(0).get("state")));
    assertEquals(1, receiver.receivedAt("/strict").size(), "a 400 is not retried");

    receiver.answer("/strict", WebhookReceiver.Behaviour.ok());
    hub.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("eventIds", List.of(eventId)))
        .post("/api/v1/admin/webhooks/replay")
        .then()
        .statusCode(200)
        .body("replayed.size()", equalTo(1));

    Deadline.await(
        WITHIN, "the replay is delivered", () -> receiver.receivedAt("/strict").size() == 2);
    assertEquals(eventId, receiver.receivedAt("/strict").get(1).header("X-Event-Id"));
    hub.admin()
        .queryParam("direction", "ADMIN")
        .get("/api/v1/admin/audit")
        .then()
        .body(
            "items.operation.findAll { it.startsWith('webhook replay " + eventId + "') }.size()",
            equalTo(1));
  }

  @Test
  void duringASecretRotationDeliveriesCarryBothSignatures() throws Exception {
    receiver.answer("/rotating", WebhookReceiver.Behaviour.ok());
    JsonPath created = subscribe("/rotating");
    String id = created.getString("subscription.subscriptionId");
    String rotated =
        hub.admin()
            .post("/api/v1/admin/webhooks/subscriptions/" + id + "/rotate-secret?overlap=PT1H")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");

    sendTest(id);

    WebhookReceiver.Received got =
        Deadline.await(
            WITHIN,
            "delivered",
            () -> receiver.receivedAt("/rotating").stream().findFirst().orElse(null));
    String[] parts = got.header("X-Signature").split(",");
    String t = parts[0].substring(2);
    assertEquals(3, parts.length, "t and two v1 signatures");
    assertEquals(Signatures.hmacHex(rotated, t + "." + got.body()), parts[1].substring(3));
    assertEquals(
        Signatures.hmacHex(created.getString("secret"), t + "." + got.body()),
        parts[2].substring(3));
  }

  @Test
  void theStandardWebhooksHeadersCanBeChosenPerSubscription() throws Exception {
    receiver.answer("/standard", WebhookReceiver.Behaviour.ok());
    JsonPath created =
        subscribe(
            partner.partnerId(), "/standard", "STANDARD", List.of("erp.invoice.available.v1"));

    sendTest(created.getString("subscription.subscriptionId"));

    WebhookReceiver.Received got =
        Deadline.await(
            WITHIN,
            "delivered",
            () -> receiver.receivedAt("/standard").stream().findFirst().orElse(null));
    String secret = created.getString("secret");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (got.header("webhook-id")
                            + "."
                            + got.header("webhook-timestamp")
                            + "."
                            + got.body())
                        .getBytes(StandardCharsets.UTF_8)));
    assertEquals("v1," + expected, got.header("webhook-signature"));
  }

  @Test
  void endpointsOnPrivateOrMetadataAddressesOrWithoutHttpsAreRefused() {
    for (String refused :
        List.of(
            "http://10.1.2.3/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://192.168.0.10/hook",
            "https://[::1]/hook",
            "ftp://partner.example/hook")) {
      hub.admin()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "partnerId", partner.partnerId(),
                  "url", refused,
                  "eventTypes", List.of("erp.invoice.available.v1")))
          .post("/api/v1/admin/webhooks/subscriptions")
          .then()
          .statusCode(422)
          .body("code", equalTo("WEBHOOK_ENDPOINT_REFUSED"));
    }
  }

  @Test
  void aPausedSubscriptionHoldsItsDeliveriesAndResumingCanDeliverWhatItMissed() {
    receiver.answer("/paused", WebhookReceiver.Behaviour.ok());
    String id = subscribe("/paused").getString("subscription.subscriptionId");
    hub.admin()
        .post("/api/v1/admin/webhooks/subscriptions/" + id + "/pause")
        .then()
        .statusCode(200);

    raiseInvoice();
    Deadline.await(WITHIN, "the delivery waits", () -> !deliveries(id).isEmpty());
    assertEquals("PENDING", deliveries(id).get(0).get("state"));
    assertTrue(receiver.receivedAt("/paused").isEmpty());

    hub.admin()
        .post("/api/v1/admin/webhooks/subscriptions/" + id + "/resume?replayMissed=true")
        .then()
        .statusCode(200)
        .body("state", equalTo("ACTIVE"));
    Deadline.await(
        WITHIN, "what it missed is delivered", () -> receiver.receivedAt("/paused").size() == 1);
  }
}
