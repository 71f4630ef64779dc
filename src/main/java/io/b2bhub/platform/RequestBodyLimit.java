package io.b2bhub.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Caps request bodies. Declared lengths over the cap are refused before reading; chunked bodies are
 * cut off while reading, which surfaces as {@link BodyTooLargeException} inside whatever reads.
 */
public final class RequestBodyLimit {
  static final String DETAIL = "The request body exceeds the allowed size.";

  private RequestBodyLimit() {}

  public static HttpServletRequest wrap(HttpServletRequest request, long maxBytes) {
    return new HttpServletRequestWrapper(request) {
      private ServletInputStream limited;

      @Override
      public ServletInputStream getInputStream() throws IOException {
        if (limited == null) {
          limited = new LimitedInputStream(super.getInputStream(), maxBytes);
        }
        return limited;
      }

      @Override
      public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        return new BufferedReader(
            new InputStreamReader(
                getInputStream(),
                encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
      }
    };
  }

  /** True when the failure, or any of its causes, is a body over the limit. */
  public static boolean exceeded(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** Raised while reading a body that passes the limit. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException() {
      super(DETAIL);
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long maxBytes;
    private long read;

    LimitedInputStream(ServletInputStream delegate, long maxBytes) {
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
