package io.b2bhub.platform;

import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * How the hub builds its MicroProfile REST clients to systems it calls (the ERP, the webshop):
 * Basic credentials from configuration, bounded timeouts, no redirects followed, and raw responses
 * (the caller judges each status; the default mapper would throw on every 4xx/5xx).
 */
public final class OutboundRestClients {
  private OutboundRestClients() {}

  public static RestClientBuilder basicAuth(
      String baseUrl, String username, String password, Duration connect, Duration read) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    ClientRequestFilter basic =
        request ->
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(baseUrl))
        .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(false)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(basic);
  }
}
