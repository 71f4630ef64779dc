package io.b2bhub.platform;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * The correlation id of the work the current thread is doing. It is also attached to every log
 * record the thread writes (as {@code ext_correlationId} in Liberty's JSON log) and must be carried
 * on every outbound call.
 */
public final class CorrelationContext {
  private static final String LOG_FIELD = "correlationId";
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private CorrelationContext() {}

  public static String current() {
    String id = CURRENT.get();
    return id != null ? id : "none";
  }

  /** Binds an id to this thread; the returned scope unbinds it, so use try-with-resources. */
  public static Scope bind(String correlationId) {
    String previous = CURRENT.get();
    CURRENT.set(correlationId);
    LogRecordContext.addExtension(LOG_FIELD, correlationId);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
        LogRecordContext.removeExtension(LOG_FIELD);
      } else {
        CURRENT.set(previous);
        LogRecordContext.addExtension(LOG_FIELD, previous);
      }
    };
  }

  /**
   * Binds a fresh id for work no request started (timers, batch steps), e.g. "expiry:&lt;uuid&gt;".
   */
  public static Scope bindNew(String purpose) {
    return bind(purpose + ":" + CorrelationIds.generate());
  }

  /** Restores the previous binding when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
