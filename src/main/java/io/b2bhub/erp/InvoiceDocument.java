package io.b2bhub.erp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox ERP's invoice document: a one-page PDF any viewer opens, so the document flow can be
 * tried end to end. A real ERP renders its own; this only needs to be a genuine PDF.
 */
final class InvoiceDocument {
  static final String MEDIA_TYPE = "application/pdf";

  private InvoiceDocument() {}

  static byte[] render(ErpRecords.Invoice invoice) {
    List<String> lines =
        List.of(
            "Invoice " + invoice.invoiceNumber(),
            "Order " + invoice.orderId() + " (ERP " + invoice.erpOrderId() + ")",
            "Tenant " + invoice.tenantId(),
            "Total " + invoice.grossMinor() + " minor units " + invoice.currency(),
            "Status " + invoice.status() + ", issued " + invoice.issuedAt());
    StringBuilder text = new StringBuilder("BT /F1 12 Tf 72 760 Td 16 TL\n");
    lines.forEach(line -> text.append('(').append(escape(line)).append(") Tj T*\n"));
    text.append("ET");
    byte[] content = text.toString().getBytes(StandardCharsets.ISO_8859_1);

    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objects.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>");
    objects.add(
        "<< /Length "
            + content.length
            + " >>\nstream\n"
            + new String(content, StandardCharsets.ISO_8859_1)
            + "\nendstream");
    objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    write(pdf, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = pdf.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(pdf, table.toString());
    return pdf.toByteArray();
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        escaped.append('\\');
      }
      escaped.append(c < 0x20 || c > 0xFF ? '?' : c);
    }
    return escaped.toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
