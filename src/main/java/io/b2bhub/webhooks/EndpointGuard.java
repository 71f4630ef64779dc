package io.b2bhub.webhooks;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps deliveries away from where they must not go (SSRF): only HTTPS, and never to loopback,
 * private, link-local (cloud metadata), multicast or unspecified addresses, checked when an
 * endpoint is registered and again before every attempt, after resolving the host. The sandbox
 * profile may allow plain HTTP and name private hosts it allows (its own test receivers).
 */
@ApplicationScoped
public class EndpointGuard {
  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.allow-plain-http", defaultValue = "false")
  boolean allowPlainHttp;

  @Inject
  @ConfigProperty(name = "b2bhub.webhooks.allowed-private-hosts", defaultValue = "none")
  List<String> allowedPrivateHosts;

  /** The endpoint, or 422 WEBHOOK_ENDPOINT_REFUSED saying why not. */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
      throw refused("must use https");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw refused("must name a host and no credentials");
    }
    refuseForbiddenAddresses(uri);
    return uri;
  }

  /** Before an attempt: the host may resolve differently now than at registration. */
  void recheck(URI uri) {
    refuseForbiddenAddresses(uri);
  }

  private void refuseForbiddenAddresses(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (allowedPrivateHosts.contains(host)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw refused("has a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || address.isMulticastAddress()
          || isUniqueLocalIpv6(address)
          || isCarrierGradeNat(address)) {
        throw refused("resolves to a private, loopback or link-local address");
      }
    }
  }

  private static boolean isUniqueLocalIpv6(InetAddress address) {
    byte[] raw = address.getAddress();
    return raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
  }

  private static boolean isCarrierGradeNat(InetAddress address) {
    byte[] raw = address.getAddress();
    return raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
  }

  private static ProblemException refused(String why) {
    return new ProblemException(
        ErrorCode.WEBHOOK_ENDPOINT_REFUSED,
        "The endpoint " + why + ".",
        List.of(new Problem.FieldError("/url", why)));
  }
}
