package io.b2bhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writes the work of concurrent callers in shared transactions: each caller queues its item and
 * waits; whichever caller finds no batch being written takes everything queued (up to {@code
 * maxBatch}) and writes it in one transaction on its own thread, then wakes the others. Under load
 * one commit carries many requests; alone, a caller writes its own item at once. Durability is
 * unchanged: nobody returns before the transaction holding its item has committed.
 *
 * <p>When a batch fails, each of its items is written again on its own with {@code single}, so one
 * bad item fails only its own caller.
 */
public final class GroupCommit<I, O> {
  private final Function<List<I>, List<O>> batch;
  private final Function<I, O> single;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  public GroupCommit(Function<List<I>, List<O>> batch, Function<I, O> single, int maxBatch) {
    this.batch = batch;
    this.single = single;
    this.maxBatch = maxBatch;
  }

  /** Writes {@code item} (with others, if any are waiting) and returns its outcome. */
  public O write(I item) {
    return await(submit(item));
  }

  /**
   * Queues {@code item} without waiting: it goes with the next batch any caller writes, or at the
   * latest when this thread calls {@link #await}, which returns its outcome once committed.
   */
  public Queued<O> submit(I item) {
    Pending<I, O> mine = new Pending<>(item, Thread.currentThread());
    queue.add(mine);
    return mine;
  }

  /** Waits until the queued item is committed (writing the queue itself if nobody else is). */
  public O await(Queued<O> queued) {
    @SuppressWarnings("unchecked")
    Pending<I, O> mine = (Pending<I, O>) queued;
    while (!mine.done) {
      if (writing.compareAndSet(false, true)) {
        try {
          writeQueued();
        } finally {
          writing.set(false);
        }
        wakeNextWriter();
      } else {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.outcome;
  }

  private void writeQueued() {
    List<Pending<I, O>> taken = new ArrayList<>();
    Pending<I, O> next;
    while (taken.size() < maxBatch && (next = queue.poll()) != null) {
      taken.add(next);
    }
    if (taken.isEmpty()) {
      return;
    }
    List<O> outcomes;
    try {
      outcomes = batch.apply(taken.stream().map(p -> p.item).toList());
    } catch (RuntimeException | Error batchFailed) {
      // Every taken caller must be completed, or it would wait for ever.
      taken.forEach(this::writeAlone);
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      taken.get(i).complete(outcomes.get(i), null);
    }
  }

  private void writeAlone(Pending<I, O> pending) {
    try {
      pending.complete(single.apply(pending.item), null);
    } catch (RuntimeException e) {
      pending.complete(null, e);
    } catch (Error e) {
      pending.complete(null, new IllegalStateException("Write failed: " + e, e));
    }
  }

  /** Someone still queued must become the next writer without waiting for its park to time out. */
  private void wakeNextWriter() {
    Pending<I, O> head = queue.peek();
    if (head != null) {
      LockSupport.unpark(head.caller);
    }
  }

  /** An item queued by {@link #submit}, to be passed to {@link #await} by the same thread. */
  public sealed interface Queued<O> permits Pending {}

  private static final class Pending<I, O> implements Queued<O> {
    final I item;
    final Thread caller;
    volatile boolean done;
    O outcome;
    RuntimeException failure;

    Pending(I item, Thread caller) {
      this.item = item;
      this.caller = caller;
    }

    void complete(O outcome, RuntimeException failure) {
      this.outcome = outcome;
      this.failure = failure;
      this.done = true;
      LockSupport.unpark(caller);
    }
  }
}
