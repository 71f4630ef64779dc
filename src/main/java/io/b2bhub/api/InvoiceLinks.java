package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.HubSecrets;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed links to invoice documents, as carried by {@code erp.invoice.available.v1}.
 * The token binds the tenant, the invoice and the expiry under the hub's signing key; whoever holds
 * the link may fetch that one document until it expires, and nothing else.
 */
@ApplicationScoped
public class InvoiceLinks {
  static final String PATH = "/api/v1/documents/invoices/";
  private static final String PURPOSE = "invoice-document-link";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

  @Inject HubSecrets secrets;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "b2bhub.public-base-url")
  String publicBaseUrl;

  @Inject
  @ConfigProperty(name = "b2bhub.invoice-links.lifetime", defaultValue = "PT15M")
  Duration lifetime;

  /** A signed link and when it stops working. */
  public record Link(String url, Instant expiresAt) {}

  public Link issue(String tenantId, String invoiceNumber) {
    Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    String token =
        expiresAt.getEpochSecond()
            + "."
            + B64.encodeToString(tenantId.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(
                secrets.sign(PURPOSE, signed(tenantId, invoiceNumber, expiresAt.getEpochSecond())));
    String url =
        publicBaseUrl
            + PATH
            + URLEncoder.encode(invoiceNumber, StandardCharsets.UTF_8)
            + "/document?token="
            + token;
    return new Link(url, expiresAt);
  }

  /** The tenant the link was issued for; 401 LINK_INVALID or LINK_EXPIRED otherwise. */
  public String verify(String invoiceNumber, String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3) {
      throw invalid();
    }
    long expires;
    String tenantId;
    byte[] signature;
    try {
      expires = Long.parseLong(parts[0]);
      tenantId = new String(UNB64.decode(parts[1]), StandardCharsets.UTF_8);
      signature = UNB64.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!secrets.verify(PURPOSE, signed(tenantId, invoiceNumber, expires), signature)) {
      throw invalid();
    }
    if (clock.instant().getEpochSecond() > expires) {
      throw new ProblemException(
          ErrorCode.LINK_EXPIRED,
          "The document link has expired; fetch the document with an OAuth token instead.");
    }
    return tenantId;
  }

  private static byte[] signed(String tenantId, String invoiceNumber, long expires) {
    return (tenantId + "\n" + invoiceNumber + "\n" + expires).getBytes(StandardCharsets.UTF_8);
  }

  private static ProblemException invalid() {
    return new ProblemException(ErrorCode.LINK_INVALID, "The document link is not valid.");
  }
}
