package io.b2bhub.webshop;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;

/**
 * Fetches an invoice document through the signed link the hub pushed, as the webshop's backend does
 * when a customer opens the invoice. The hub's answer (a document, or its problem) is passed
 * through.
 */
@ApplicationScoped
public class WebshopDocuments {
  private Client client;

  @PostConstruct
  void open() {
    client =
        ClientBuilder.newBuilder()
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  Response fetch(String url) {
    try (Response hub = client.target(url).request().get()) {
      byte[] content = hub.readEntity(byte[].class);
      Response.ResponseBuilder answer = Response.status(hub.getStatus()).entity(content);
      if (hub.getMediaType() != null) {
        answer.type(hub.getMediaType());
      }
      return answer.build();
    } catch (ProcessingException e) {
      throw new ProblemException(
          ErrorCode.SERVICE_UNAVAILABLE, "The hub's document link could not be reached.");
    }
  }
}
