package io.b2bhub.platform;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Puts the current correlation id on an outbound HTTP call, unless the caller set one. */
public class CorrelationIdPropagation implements ClientRequestFilter {
  @Override
  public void filter(ClientRequestContext request) {
    if (request.getHeaderString(CorrelationIds.HEADER) == null) {
      String current = CorrelationContext.current();
      request
          .getHeaders()
          .putSingle(
              CorrelationIds.HEADER,
              CorrelationIds.isWellFormed(current) ? current : CorrelationIds.generate());
    }
  }
}
