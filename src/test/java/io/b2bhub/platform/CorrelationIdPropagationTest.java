package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class CorrelationIdPropagationTest {
  private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

  private ClientRequestContext request() {
    return (ClientRequestContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ClientRequestContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeaders" -> headers;
                  case "getHeaderString" ->
                      headers.containsKey(args[0]) ? headers.getFirst((String) args[0]) : null;
                  default -> null;
                });
  }

  @Test
  void outboundCallCarriesTheCurrentCorrelationId() {
    try (CorrelationContext.Scope ignored = CorrelationContext.bind("sync-77")) {
      new CorrelationIdPropagation().filter(request());
    }
    assertEquals("sync-77", headers.getFirst(CorrelationIds.HEADER));
  }

  @Test
  void workWithoutACorrelationIdStillSendsAFreshOne() {
    new CorrelationIdPropagation().filter(request());
    assertTrue(CorrelationIds.isWellFormed((String) headers.getFirst(CorrelationIds.HEADER)));
  }
}
