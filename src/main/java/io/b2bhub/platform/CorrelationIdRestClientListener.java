package io.b2bhub.platform;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Registers {@link CorrelationIdPropagation} on every MicroProfile REST client the application
 * builds, so no outbound call can forget the correlation id (registered through ServiceLoader).
 */
public class CorrelationIdRestClientListener implements RestClientListener {
  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    builder.register(new CorrelationIdPropagation());
  }
}
