package io.b2bhub.events;

/** The event cannot succeed however often it is retried (e.g. the ERP refused its data). */
public class EventRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventRejectedException(String message) {
    super(message);
  }
}
