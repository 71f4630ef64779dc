package io.b2bhub.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.b2bhub.platform.PayloadSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example in docs/webhooks.md is what the hub really sends. */
class WebhookSignatureExampleTest {
  private static final List<String> DOC = readDoc();

  private static List<String> readDoc() {
    try {
      return Files.readAllLines(Path.of("docs/webhooks.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(String prefix) {
    return DOC.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("docs/webhooks.md has no line " + prefix));
  }

  @Test
  void theDocumentedXSignatureIsTheOneTheHubComputes() {
    byte[] body = value("body:").getBytes(StandardCharsets.UTF_8);
    Instant t = Instant.ofEpochSecond(Long.parseLong(value("timestamp:")));

    assertEquals(
        value("X-Signature:"), PayloadSignature.header(List.of(value("secret:")), t, body));
  }

  @Test
  void theDocumentedStandardWebhooksSignatureIsTheOneTheHubComputes() {
    String body = value("body:");
    String eventId = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf("\",\"type\""));
    Instant t = Instant.ofEpochSecond(Long.parseLong(value("timestamp:")));

    assertEquals(
        value("webhook-signature:"),
        WebhookSigner.standardSignatures(
            List.of(value("secret:")), eventId, body.getBytes(StandardCharsets.UTF_8), t));
  }
}
