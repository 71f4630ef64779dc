package io.b2bhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.HubSecrets;
import io.b2bhub.platform.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvoiceLinksTest {
  private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

  private static InvoiceLinks linksAt(Instant now) {
    InvoiceLinks links = new InvoiceLinks();
    links.secrets = new HubSecrets(Base64.getEncoder().encodeToString(new byte[32]));
    links.clock = Clock.fixed(now, ZoneOffset.UTC);
    links.publicBaseUrl = "https://hub.example";
    links.lifetime = Duration.ofMinutes(15);
    return links;
  }

  private static String tokenOf(InvoiceLinks.Link link) {
    return link.url().substring(link.url().indexOf("token=") + "token=".length());
  }

  @Test
  void aLinkOpensItsInvoiceForItsTenantUntilItExpires() {
    InvoiceLinks.Link link = linksAt(ISSUED).issue("shop-eu", "INV-2026-7");

    assertTrue(
        link.url().startsWith("https://hub.example/api/v1/documents/invoices/INV-2026-7/document"));
    assertEquals(ISSUED.plus(Duration.ofMinutes(15)), link.expiresAt());
    assertEquals(
        "shop-eu",
        linksAt(ISSUED.plus(Duration.ofMinutes(15))).verify("INV-2026-7", tokenOf(link)));
  }

  @Test
  void anExpiredLinkIsRefusedAsExpired() {
    String token = tokenOf(linksAt(ISSUED).issue("shop-eu", "INV-2026-7"));

    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> linksAt(ISSUED.plus(Duration.ofMinutes(16))).verify("INV-2026-7", token));
    assertEquals(ErrorCode.LINK_EXPIRED, refused.code());
  }

  @Test
  void aLinkWithALaterExpiryOrAnotherTenantIsRefusedAsInvalid() {
    String token = tokenOf(linksAt(ISSUED).issue("shop-eu", "INV-2026-7"));
    String[] parts = token.split("\\.");
    String extended = (Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2];
    String otherTenant =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString("shop-us".getBytes())
            + "."
            + parts[2];

    for (String forged : new String[] {extended, otherTenant, "garbage", ""}) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> linksAt(ISSUED).verify("INV-2026-7", forged));
      assertEquals(ErrorCode.LINK_INVALID, refused.code(), forged);
    }
  }
}
