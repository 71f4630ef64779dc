package io.b2bhub.api;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Where one change-feed cycle spent its time: reading the position, the ERP, announcing. */
final class CycleTimer {
  private static final Logger LOG = Logger.getLogger(ErpChangeFeed.class.getName());

  private final long started = System.nanoTime();
  private long positionNanos;
  private long feedNanos;
  private long announceNanos;
  private int reads;

  long positionRead(LongSupplier read) {
    long t = System.nanoTime();
    try {
      return read.getAsLong();
    } finally {
      positionNanos += System.nanoTime() - t;
    }
  }

  <T> List<T> feedRead(Supplier<List<T>> read) {
    long t = System.nanoTime();
    reads++;
    try {
      return read.get();
    } finally {
      feedNanos += System.nanoTime() - t;
    }
  }

  boolean announced(BooleanSupplier announce) {
    long t = System.nanoTime();
    try {
      return announce.getAsBoolean();
    } finally {
      announceNanos += System.nanoTime() - t;
    }
  }

  void reportIfSlow(Duration threshold) {
    long total = System.nanoTime() - started;
    if (total > threshold.toNanos()) {
      LOG.warning(
          () ->
              String.format(
                  "ERP change feed cycle took %d ms: position %d ms, %d ERP read(s) %d ms,"
                      + " announce %d ms",
                  total / 1_000_000,
                  positionNanos / 1_000_000,
                  reads,
                  feedNanos / 1_000_000,
                  announceNanos / 1_000_000));
    }
  }
}
