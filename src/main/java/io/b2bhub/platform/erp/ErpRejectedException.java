package io.b2bhub.platform.erp;

/** The ERP refused the request (4xx): the request itself must change; retrying cannot help. */
public class ErpRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ErpRejectedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
