package io.b2bhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audit rows that must be committed before the current HTTP request answers, but need not hold up
 * its work until then. {@link RequestBoundaryFilter} opens a scope around each request and waits
 * for every row queued in it before the request's own row, so the rows' commit overlaps the rest of
 * the request (the ERP call's row commits while the answer's transaction runs) and nothing is
 * answered before its audit rows are durable.
 */
public final class AuditRowsBeforeAnswer {
  private static final ThreadLocal<Scope> OPEN = new ThreadLocal<>();

  private AuditRowsBeforeAnswer() {}

  /** Opens a scope on this thread; a scope opened inside another (an error dispatch) nests. */
  public static Scope open() {
    Scope scope = new Scope(OPEN.get());
    OPEN.set(scope);
    return scope;
  }

  /** Whether a request scope is open on this thread (not in a consumer or a timer). */
  static boolean isOpen() {
    return OPEN.get() != null;
  }

  /** Adds the wait for a queued row to the open scope; call only when {@link #isOpen}. */
  static void awaitBeforeAnswer(Runnable awaitCommitted) {
    OPEN.get().waits.add(awaitCommitted);
  }

  /** The rows queued during one request. */
  public static final class Scope implements AutoCloseable {
    private final Scope outer;
    private final List<Runnable> waits = new ArrayList<>();

    private Scope(Scope outer) {
      this.outer = outer;
    }

    /** Waits for every row queued in this scope; a row that failed is reported, not thrown. */
    public void awaitAll(Consumer<RuntimeException> failed) {
      for (Runnable wait : waits) {
        try {
          wait.run();
        } catch (RuntimeException e) {
          failed.accept(e);
        }
      }
      waits.clear();
    }

    @Override
    public void close() {
      if (outer == null) {
        OPEN.remove();
      } else {
        OPEN.set(outer);
      }
    }
  }
}
