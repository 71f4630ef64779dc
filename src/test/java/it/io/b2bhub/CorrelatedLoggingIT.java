package it.io.b2bhub;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's JSON log ties every line a request writes to its correlation id, and never holds the
 * secrets or contact data the request carried.
 */
@ExtendWith(ArquillianExtension.class)
class CorrelatedLoggingIT {
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

  private static List<String> logLines() {
    Path log = Path.of(System.getProperty("b2bhub.it.serverDir"), "logs", "messages.log");
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void applicationAndAccessLogLinesCarryTheRequestsCorrelationIdButNoSecrets() {
    String correlationId = "log-" + UUID.randomUUID();
    String partnerId = Hub.uniquePartnerId();
    String contact = "private.person@" + partnerId + ".example";
    String secret =
        hub.admin()
            .header("X-Correlation-ID", correlationId)
            .contentType(ContentType.JSON)
            .body(
                "{\"partnerId\":\""
                    + partnerId
                    + "\",\"name\":\"Log Co\",\"mode\":\"API\","
                    + "\"security\":\"oauth2\",\"contact\":\""
                    + contact
                    + "\"}")
            .post("/api/v1/admin/partners")
            .then()
            .statusCode(201)
            .extract()
            .path("credentials[0].secret");

    Deadline.await(
        Duration.ofSeconds(20),
        "an application log line with ext_correlationId " + correlationId,
        () ->
            logLines().stream()
                .anyMatch(
                    line ->
                        line.contains("\"ext_correlationId\":\"" + correlationId + "\"")
                            && line.contains("Partner " + partnerId + " registered")));
    Deadline.await(
        Duration.ofSeconds(20),
        "an access log line with " + correlationId,
        () ->
            logLines().stream()
                .anyMatch(
                    line -> line.contains("liberty_accesslog") && line.contains(correlationId)));
    List<String> lines = logLines();
    assertFalse(lines.stream().anyMatch(line -> line.contains(secret)), "secret in the log");
    assertFalse(lines.stream().anyMatch(line -> line.contains(contact)), "contact in the log");
  }
}
