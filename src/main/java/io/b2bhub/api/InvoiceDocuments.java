package io.b2bhub.api;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import io.b2bhub.platform.erp.ErpDocument;
import io.b2bhub.platform.erp.ErpGateway;
import io.b2bhub.platform.erp.ErpInvoice;
import io.b2bhub.platform.erp.ErpUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invoice documents streamed from the ERP to whoever may see them. An invoice the caller may not
 * see is answered exactly like one that does not exist (404), so invoice numbers cannot be probed.
 */
@ApplicationScoped
public class InvoiceDocuments {
  @Inject ErpGateway erp;

  @Inject
  @ConfigProperty(name = "b2bhub.erp.read-deadline", defaultValue = "PT5S")
  Duration deadline;

  /** The document as a response, when {@code mayRead} accepts the invoice; 404 otherwise. */
  Response document(String invoiceNumber, Predicate<ErpInvoice> mayRead) {
    fromErp(() -> erp.findInvoice(invoiceNumber, deadline))
        .filter(mayRead)
        .orElseThrow(InvoiceDocuments::noSuchInvoice);
    ErpDocument document =
        fromErp(() -> erp.invoiceDocument(invoiceNumber, deadline))
            .orElseThrow(InvoiceDocuments::noSuchInvoice);
    return Response.ok(document.content(), document.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  private static <T> Optional<T> fromErp(Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (ErpUnavailableException e) {
      throw new ProblemException(
          ErrorCode.SERVICE_UNAVAILABLE, "The ERP is unavailable; try again shortly.");
    }
  }

  private static ProblemException noSuchInvoice() {
    return new ProblemException(ErrorCode.NOT_FOUND, "No such invoice.");
  }
}
