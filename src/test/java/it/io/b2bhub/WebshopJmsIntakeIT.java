package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
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

/**
 * The webshop's JMS door: envelopes on b2bhub.webshop.intake, sent with the webshop's messaging
 * credentials through the engine's messaging security, take the same path as HTTP ones.
 */
@ExtendWith(ArquillianExtension.class)
class WebshopJmsIntakeIT {
  /** The partner the sandbox configuration accepts JMS intake for. */
  private static final String INTAKE_PARTNER = "webshop";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String tenant;

  @BeforeEach
  void theWebshopIsARegisteredPartner() {
    hub = new Hub(url);
    int status =
        hub.admin()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "partnerId", INTAKE_PARTNER,
                    "name", "Webshop",
                    "mode", "API",
                    "security", "oauth2",
                    "contact", "integrations@webshop.example",
                    "scopes", List.of("events:write")))
            .post("/api/v1/admin/partners")
            .statusCode();
    assertTrue(status == 201 || status == 409, "registered now or before: " + status);
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private io.restassured.response.Response sendAsWebshop(String queue, String body) {
    return hub.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("queue", queue, "body", body, "correlationId", "jms-" + tenant))
        .post("/api/v1/admin/sandbox/webshop-jms");
  }

  private String orderCreated(String eventId) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + eventId
        + "\",\"type\":\"order.created.v1\",\"source\":\"/webshop\","
        + "\"time\":\"2026-12-01T10:00:00Z\",\"datacontenttype\":\"application/json\","
        + "\"tenantid\":\""
        + tenant
        + "\",\"data\":{\"orderId\":\"o-1\",\"version\":1,\"customerRef\":\"c-1\","
        + "\"currency\":\"EUR\",\"lines\":[{\"sku\":\"S\",\"quantity\":1,\"unitPriceMinor\":999,"
        + "\"lineTotalMinor\":999}],\"totals\":{\"netMinor\":999,\"taxMinor\":190,"
        + "\"grossMinor\":1189}}}";
  }

  private List<String> erpOrders() {
    return hub.admin()
        .queryParam("tenantId", tenant)
        .get("/sandbox/erp/orders")
        .jsonPath()
        .getList("orderId");
  }

  @Test
  void anOrderEventOnTheIntakeQueueReachesTheErpOnceEvenWhenSentTwice() {
    String eventId = "jms-" + UUID.randomUUID();

    sendAsWebshop("b2bhub.webshop.intake", orderCreated(eventId)).then().statusCode(202);
    sendAsWebshop("b2bhub.webshop.intake", orderCreated(eventId)).then().statusCode(202);

    Deadline.await(
        Duration.ofSeconds(30), "the order reaches the ERP", () -> erpOrders().contains("o-1"));
    Deadline.await(
        Duration.ofSeconds(30),
        "both copies were taken from the queue",
        () ->
            hub.admin()
                    .queryParam("correlationId", "jms-" + tenant)
                    .queryParam("direction", "INBOUND")
                    .get("/api/v1/admin/audit")
                    .jsonPath()
                    .getList("items")
                    .size()
                == 2);
    assertEquals(List.of("o-1"), erpOrders(), "one ERP order for the two copies");
    List<String> stored =
        hub.admin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/events/outbox")
            .jsonPath()
            .getList("findAll { it.eventId == '" + eventId + "' }.destination");
    assertEquals(List.of("b2bhub.hub.events"), stored, "the copy was not stored again");
  }

  @Test
  void aPoisonMessageOnTheIntakeQueueIsQuarantinedAsADeadLetterAndAudited() {
    String broken = orderCreated("jms-" + UUID.randomUUID()).replace("\"currency\":\"EUR\",", "");

    sendAsWebshop("b2bhub.webshop.intake", broken).then().statusCode(202);

    Map<String, Object> deadLetter =
        Deadline.await(
            Duration.ofSeconds(30),
            "the refused message is a dead letter",
            () ->
                hub.admin()
                    .queryParam("tenantId", tenant)
                    .get("/api/v1/admin/dead-letters")
                    .jsonPath()
                    .getMap("find { it.consumer == 'webshop.jms-intake' }"));
    assertEquals("POISON", deadLetter.get("reason"));
    hub.admin()
        .queryParam("correlationId", "jms-" + tenant)
        .get("/api/v1/admin/audit")
        .then()
        .body("items[0].outcome", equalTo("REJECTED"))
        .body("items[0].errorCode", equalTo("VALIDATION_FAILED"));
    assertTrue(erpOrders().isEmpty());
  }

  @Test
  void theWebshopsMessagingUserCannotSendToTheHubsOwnQueue() {
    sendAsWebshop("b2bhub.hub.events", orderCreated("jms-" + UUID.randomUUID()))
        .then()
        .statusCode(403)
        .body("code", equalTo("ACCESS_DENIED"));
  }
}
