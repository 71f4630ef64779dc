package io.b2bhub.webhooks;

import io.b2bhub.platform.HubSecrets;
import io.b2bhub.platform.PayloadSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers that sign a delivery, with every secret that is valid now (two during a rotation's
 * overlap, so receivers can switch secrets without losing a delivery).
 */
@ApplicationScoped
public class WebhookSigner {
  @Inject HubSecrets secrets;

  /** Signs a run's deliveries to one subscription, decrypting each of its secrets once. */
  RunSigner forRun(WebhookSubscription subscription) {
    return new RunSigner(subscription);
  }

  final class RunSigner {
    private final WebhookSubscription subscription;
    private final String current;
    private String previous;

    private RunSigner(WebhookSubscription subscription) {
      this.subscription = subscription;
      this.current = secrets.decrypt(subscription.secretCiphertext());
    }

    Map<String, String> headers(WebhookDelivery delivery, byte[] body, Instant now) {
      List<String> signing = new ArrayList<>();
      signing.add(current);
      // Whether the previous secret still signs is decided per delivery: its overlap may end
      // during a run.
      byte[] previousCiphertext =
          subscription.previousSecretCiphertext(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      if (previousCiphertext != null) {
        if (previous == null) {
          previous = secrets.decrypt(previousCiphertext);
        }
        signing.add(previous);
      }
      return WebhookSigner.headers(subscription, delivery, body, now, signing);
    }
  }

  private static Map<String, String> headers(
      WebhookSubscription subscription,
      WebhookDelivery delivery,
      byte[] body,
      Instant now,
      List<String> signing) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "B2BHub-Webhooks/1");
    headers.put("X-Correlation-ID", delivery.correlationId());
    headers.put("X-Event-Id", delivery.eventId());
    headers.put("X-Event-Type", delivery.eventType());
    if (subscription.headerStyle() == WebhookSubscription.HeaderStyle.STANDARD) {
      headers.put("webhook-id", delivery.eventId());
      headers.put("webhook-timestamp", Long.toString(now.getEpochSecond()));
      headers.put("webhook-signature", standardSignatures(signing, delivery.eventId(), body, now));
    } else {
      headers.put(PayloadSignature.HEADER, PayloadSignature.header(signing, now, body));
    }
    return headers;
  }

  /**
   * Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, space-separated,
   * keyed with the base64 part of the {@code whsec_} secret.
   */
  static String standardSignatures(List<String> signing, String eventId, byte[] body, Instant now) {
    List<String> values = new ArrayList<>();
    for (String secret : signing) {
      byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((eventId + "." + now.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
        values.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 unavailable", e);
      }
    }
    return String.join(" ", values);
  }
}
