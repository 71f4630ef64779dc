package it.io.b2bhub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built-in ERP sandbox as partners and operators use it: its books, invoices, transport. */
@ExtendWith(ArquillianExtension.class)
class ErpSandboxIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.hub();
  }

  @ArquillianResource URL url;
  Hub hub;
  String tenant;

  @BeforeEach
  void anOrderInTheErp() {
    hub = new Hub(url);
    Hub.RegisteredPartner webshop = hub.register(List.of("erp.orders:write"));
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    hub.createOrder(hub.token(webshop, "erp.orders:write"), tenant, "o-1");
  }

  @Test
  void theErpInvoicesAnOrderAndRecordsItsPaymentOnce() {
    String number =
        hub.admin()
            .post("/sandbox/erp/orders/" + tenant + "/o-1/invoices")
            .then()
            .statusCode(201)
            .body("invoiceNumber", startsWith("INV-"))
            .body("status", equalTo("OPEN"))
            .body("grossMinor", equalTo(1189))
            .body("erpOrderId", startsWith("ERP-O-"))
            .body("version", equalTo(1))
            .extract()
            .path("invoiceNumber");

    hub.admin()
        .post("/sandbox/erp/invoices/" + number + "/payment")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("version", equalTo(2));
    hub.admin()
        .post("/sandbox/erp/invoices/" + number + "/payment")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    JsonPath invoices =
        hub.admin().queryParam("tenantId", tenant).get("/sandbox/erp/invoices").jsonPath();
    assertEquals(List.of(number), invoices.getList("invoiceNumber"));
  }

  @Test
  void theInvoiceDocumentIsAPdfWhoseCrossReferenceTableIsWhereItSays() {
    String number =
        hub.admin()
            .post("/sandbox/erp/orders/" + tenant + "/o-1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("invoiceNumber");
    byte[] pdf =
        hub.admin()
            .get("/sandbox/erp/invoices/" + number + "/document")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-1.4\n") && text.endsWith("%%EOF\n"), "a complete PDF");
    Matcher startxref = Pattern.compile("startxref\n(\\d+)\n").matcher(text);
    assertTrue(startxref.find(), "has startxref");
    assertTrue(text.startsWith("xref", Integer.parseInt(startxref.group(1))), "xref where stated");
    assertTrue(text.contains("(Invoice " + number + ")"), "names the invoice");
  }

  @Test
  void unknownInvoiceIsAProblemNotAnEmptyDocument() {
    hub.admin()
        .get("/sandbox/erp/invoices/INV-0000-404/document")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void theSandboxIsNotServedOverPlainHttp() {
    hub.plainHttp()
        .auth()
        .preemptive()
        .basic(Hub.ADMIN_USER, Hub.ADMIN_PASSWORD)
        .get("/sandbox/erp/behaviour")
        .then()
        .statusCode(302)
        .header("Location", startsWith("https://"));
  }
}
