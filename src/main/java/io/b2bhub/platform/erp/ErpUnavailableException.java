package io.b2bhub.platform.erp;

import java.time.Duration;

/** The ERP could not be reached in time (5xx, 429, timeout, open circuit): worth retrying later. */
public class ErpUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;
  private final int status;

  /** The ERP answered {@code status} (429 or 5xx), possibly with a Retry-After. */
  public ErpUnavailableException(int status, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ErpUnavailableException(String message, Throwable cause) {
    super(message, cause);
    this.status = 503;
    this.retryAfter = null;
  }

  /** The ERP's status, or 503 when it gave none (timeout, refused connection, open circuit). */
  public int status() {
    return status;
  }

  /** How long the ERP asked us to wait (Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
