package io.b2bhub.platform;

/**
 * The catalogue of stable error codes returned in problem responses. Codes never change meaning
 * once published; {@code docs/errors.md} documents each one (a unit test keeps the two in step).
 */
public enum ErrorCode {
  VALIDATION_FAILED(400, "Request validation failed"),
  MALFORMED_REQUEST(400, "Malformed request body"),
  INVALID_PARAMETER(400, "Invalid request parameter"),
  INVALID_CURSOR(400, "Invalid pagination cursor"),
  CONTRACT_VERSION_UNSUPPORTED(400, "Unsupported contract version"),
  AUTHENTICATION_REQUIRED(401, "Authentication required"),
  CREDENTIAL_INACTIVE(401, "Credential revoked or replaced"),
  INSUFFICIENT_SCOPE(403, "Token lacks the required scope"),
  IP_NOT_ALLOWED(403, "Source address not in the partner's allowlist"),
  PARTNER_SUSPENDED(403, "Partner is suspended"),
  PARTNER_UNKNOWN(401, "Credential is not linked to a partner"),
  SIGNATURE_INVALID(401, "Signature missing or invalid"),
  SIGNATURE_EXPIRED(401, "Signature timestamp outside the allowed window"),
  LINK_INVALID(401, "Document link invalid"),
  LINK_EXPIRED(401, "Document link expired"),
  TENANT_NOT_ALLOWED(403, "Tenant belongs to another partner"),
  ACCESS_DENIED(403, "Access denied"),
  NOT_FOUND(404, "Resource not found"),
  PARTNER_NOT_FOUND(404, "Partner not found"),
  CREDENTIAL_NOT_FOUND(404, "Credential not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  PARTNER_ALREADY_EXISTS(409, "Partner already exists"),
  CONFLICT(409, "Conflicting state"),
  EVENT_ID_REUSED(409, "Event id already received with another payload"),
  IDEMPOTENCY_IN_PROGRESS(409, "A request with this Idempotency-Key is still being processed"),
  ORDER_NOT_FOUND(404, "Order not known to the hub"),
  INVALID_STATUS_TRANSITION(409, "Status transition not allowed"),
  PAYLOAD_TOO_LARGE(413, "Request body too large"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused with a different request"),
  IDEMPOTENCY_KEY_MISMATCH(422, "Idempotency-Key does not name this request"),
  WEBHOOK_ENDPOINT_REFUSED(422, "Webhook endpoint not allowed"),
  ERP_REJECTED(422, "The ERP refused the request"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  RATE_LIMITED(429, "Too many requests"),
  INTERNAL_ERROR(500, "Internal error"),
  SERVICE_UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** A stable URI naming the problem type; resolves to the catalogue entry in the docs. */
  public String type() {
    return "urn:b2bhub:problem:" + name();
  }
}
