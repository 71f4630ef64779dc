package it.io.b2bhub;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Reads the server's TLS certificate, so command-line tools in tests can trust exactly it. */
final class TlsCertificates {
  private TlsCertificates() {}

  static String serverCertificatePem(String host, int port) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new AcceptAny()}, null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
      socket.startHandshake();
      Certificate leaf = socket.getSession().getPeerCertificates()[0];
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(leaf.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    }
  }

  /** Only to read the certificate; nothing is sent over this connection. */
  private static final class AcceptAny implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
