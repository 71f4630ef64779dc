package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators register, read, update, suspend, list and import partners and manage credentials. */
@ExtendWith(ArquillianExtension.class)
class PartnerRegistryIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;

  @BeforeEach
  void connect() {
    hub = new Hub(url);
  }

  private String partnerJson(String partnerId, String security) {
    return "{\"partnerId\":\""
        + partnerId
        + "\",\"name\":\"Umbrella Supply\",\"mode\":\"API\","
        + "\"security\":\""
        + security
        + "\",\"contact\":\"ops@umbrella.example\","
        + "\"sla\":\"p95<=300ms\",\"flows\":[\"orders\",\"invoices\"]}";
  }

  @Test
  void registeredPartnerStartsOnboardingAndItsSecretsAreShownOnlyOnce() {
    String partnerId = Hub.uniquePartnerId();
    JsonPath created =
        hub.admin()
            .contentType(ContentType.JSON)
            .body(partnerJson(partnerId, "oauth2+hmac"))
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .header("Location", hub.baseUri() + "/api/v1/admin/partners/" + partnerId)
            .body("partner.status", equalTo("ONBOARDING"))
            .body("partner.flows", equalTo(List.of("orders", "invoices")))
            .body("credentials.kind", equalTo(List.of("OAUTH_CLIENT", "WEBHOOK_SECRET")))
            .body("credentials[0].tokenEndpoint", startsWith("https://"))
            .extract()
            .jsonPath();
    String oauthSecret = created.getString("credentials[0].secret");
    String webhookSecret = created.getString("credentials[1].secret");

    String readBack = hub.admin().get("/api/v1/admin/partners/" + partnerId).asString();
    String credentials =
        hub.admin()
            .get("/api/v1/admin/partners/" + partnerId + "/credentials")
            .then()
            .statusCode(200)
            .body("secret", equalTo(Arrays.asList(null, null)))
            .extract()
            .asString();
    assertFalse(readBack.contains(oauthSecret) || credentials.contains(oauthSecret));
    assertFalse(readBack.contains(webhookSecret) || credentials.contains(webhookSecret));
  }

  @Test
  void partnerIdIsUnique() {
    String partnerId = Hub.uniquePartnerId();
    hub.admin()
        .contentType(ContentType.JSON)
        .body(partnerJson(partnerId, "oauth2"))
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(201);
    hub.admin()
        .contentType(ContentType.JSON)
        .body(partnerJson(partnerId, "oauth2"))
        .post("/api/v1/admin/partners")
        .then()
        .statusCode(409)
        .body("code", equalTo("PARTNER_ALREADY_EXISTS"));
  }

  @Test
  void listIsPagedWithAnOpaqueCursorThatCannotBeForged() {
    for (int i = 0; i < 3; i++) {
      hub.register(List.of("partner:read"));
    }
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String cursor = null;
    do {
      var request = hub.admin().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.get("/api/v1/admin/partners").then().statusCode(200).extract().jsonPath();
      List<String> ids = page.getList("items.partnerId");
      for (String id : ids) {
        assertTrue(seen.add(id), "partner " + id + " appeared twice");
        order.add(id);
      }
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(seen.size(), order.size());
    List<String> expected = List.of("p_001", "p_002", "p_003");
    assertEquals(expected, order.subList(0, 3), "oldest first, seeds first");

    String forged =
        hub.admin().queryParam("limit", 1).get("/api/v1/admin/partners").path("nextCursor");
    hub.admin()
        .queryParam("cursor", forged.substring(0, forged.length() - 3) + "AAA")
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_CURSOR"));
  }

  @Test
  void updateWithAStaleETagIsRefusedSoNoUpdateIsLost() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String etag = hub.admin().get("/api/v1/admin/partners/" + partner.partnerId()).header("ETag");
    String details =
        "{\"name\":\"Renamed\",\"mode\":\"API\",\"security\":\"oauth2\","
            + "\"contact\":\"new@partner.example\",\"sla\":\"p95<=200ms\"}";
    hub.admin()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(details)
        .put("/api/v1/admin/partners/" + partner.partnerId())
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("sla", equalTo("p95<=200ms"));
    hub.admin()
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(details)
        .put("/api/v1/admin/partners/" + partner.partnerId())
        .then()
        .statusCode(409)
        .body("code", equalTo("CONFLICT"));
  }

  @Test
  void statusFollowsTheOnboardingLifecycle() {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String path = "/api/v1/admin/partners/" + partner.partnerId() + "/status";
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"LIVE\"}")
        .post(path)
        .then()
        .statusCode(409)
        .body("code", equalTo("INVALID_STATUS_TRANSITION"));
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"CERTIFIED\"}")
        .post(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("CERTIFIED"));
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"LIVE\"}")
        .post(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("LIVE"));
    hub.admin()
        .get("/api/v1/admin/partners?status=LIVE&limit=500")
        .then()
        .statusCode(200)
        .body("items.partnerId", hasItem(partner.partnerId()));
  }

  @Test
  void csvImportRegistersNewPartnersAndSkipsKnownOnes() {
    String newId = Hub.uniquePartnerId();
    String csv =
        "partner_id,name,mode,security,contact,sla\n"
            + "p_001,Acme Retail,API+Webhook,oauth2+hmac,ops@acme.com,\"p95<=300ms, uptime 99.9%\"\n"
            + newId
            + ",Hooli,File(SFTP),ssh+pgp,files@hooli.example,\"file@03:00Z daily\"\n";
    hub.admin()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/admin/partners/import")
        .then()
        .statusCode(200)
        .body("skipped", equalTo(List.of("p_001")))
        .body("created", hasSize(1))
        .body("created[0].partner.partnerId", equalTo(newId))
        .body("created[0].partner.sla", equalTo("file@03:00Z daily"))
        .body("created[0].credentials[0].secret", notNullValue());
  }

  @Test
  void csvWithABadLineIsRejectedWholeWithEveryBadLineReported() {
    String goodId = Hub.uniquePartnerId();
    String csv =
        "partner_id,name,mode,security,contact,sla\n"
            + goodId
            + ",Good Co,API,oauth2,ops@good.example,\n"
            + "Bad Id,,API,oauth2,not-an-email,\n";
    hub.admin()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/admin/partners/import")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.pointer", hasItem("line 3/contact"))
        .body("errors.pointer", hasItem("line 3/partnerId"));
    hub.admin().get("/api/v1/admin/partners/" + goodId).then().statusCode(404);
  }

  @Test
  void sshKeysAndIpRangesAreAddedWithFingerprintsAndValidated() throws Exception {
    Hub.RegisteredPartner partner = hub.register(List.of("partner:read"));
    String path = "/api/v1/admin/partners/" + partner.partnerId() + "/credentials";
    hub.admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"kind\":\"SSH_PUBLIC_KEY\",\"label\":\"sftp\",\"value\":\""
                + ed25519PublicKey()
                + " ops@laptop\"}")
        .post(path)
        .then()
        .statusCode(201)
        .body("lookupKey", startsWith("SHA256:"))
        .body("secret", nullValue());
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"kind\":\"IP_RANGE\",\"value\":\"198.51.100.77/24\"}")
        .post(path)
        .then()
        .statusCode(201)
        .body("lookupKey", equalTo("198.51.100.0/24"));
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"kind\":\"SSH_PUBLIC_KEY\",\"value\":\"ssh-ed25519 bm90LWEta2V5\"}")
        .post(path)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    hub.admin()
        .contentType(ContentType.JSON)
        .body("{\"kind\":\"IP_RANGE\",\"value\":\"intranet.example\"}")
        .post(path)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    hub.admin()
        .get(path)
        .then()
        .statusCode(200)
        .body(
            "kind",
            equalTo(List.of("OAUTH_CLIENT", "WEBHOOK_SECRET", "SSH_PUBLIC_KEY", "IP_RANGE")));
  }

  @Test
  void revokingTheLastAllowedRangeNeedsExplicitConsentBecauseItOpensThePartner() {
    Hub.RegisteredPartner partner =
        hub.register(List.of("partner:read"), List.of("203.0.113.0/24"));
    String path = "/api/v1/admin/partners/" + partner.partnerId() + "/credentials";
    String rangeId = hub.admin().get(path).path("find { it.kind == 'IP_RANGE' }.credentialId");
    hub.admin()
        .delete(path + "/" + rangeId)
        .then()
        .statusCode(409)
        .body("code", equalTo("CONFLICT"));
    hub.admin()
        .queryParam("allowAnyAddress", true)
        .delete(path + "/" + rangeId)
        .then()
        .statusCode(200)
        .body("state", equalTo("REVOKED"));
    hub.partner(hub.token(partner, "partner:read"))
        .get("/api/v1/partners/" + partner.partnerId() + "/profile")
        .then()
        .statusCode(200);
  }

  @Test
  void concurrentRegistrationsOfOneIdYieldOneCreatedAndOneConflictNeverA500() throws Exception {
    for (int round = 0; round < 3; round++) {
      String partnerId = Hub.uniquePartnerId();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return hub.admin()
                      .contentType(ContentType.JSON)
                      .body(partnerJson(partnerId, "oauth2"))
                      .post("/api/v1/admin/partners")
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var call : calls) {
        statuses.add(call.get());
      }
      pool.shutdown();
      statuses.sort(null);
      assertEquals(List.of(201, 409), statuses);
    }
  }

  @Test
  void malformedLimitIsA400NotA404() {
    hub.admin()
        .queryParam("limit", "lots")
        .get("/api/v1/admin/partners")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("errors[0].pointer", equalTo("limit"));
  }

  /** An OpenSSH ed25519 public key line for a freshly generated key. */
  private static String ed25519PublicKey() throws NoSuchAlgorithmException {
    byte[] encoded =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + raw.length);
    blob.putInt(type.length).put(type).putInt(raw.length).put(raw);
    return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array());
  }
}
