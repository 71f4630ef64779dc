package io.b2bhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private static final int CALLERS = 32;

  @Test
  void aCallerAloneWritesItsOwnItemAtOnce() {
    List<List<Integer>> batches = new ArrayList<>();
    GroupCommit<Integer, String> commits = recording(batches);

    assertEquals("ok 7", commits.write(7));
    assertEquals(List.of(List.of(7)), batches);
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnOutcome() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger arrived = new AtomicInteger();
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commits =
        new GroupCommit<>(
            items -> {
              // The first commit is slow: it lasts until every caller has arrived and queued.
              if (writes.incrementAndGet() == 1) {
                awaitAll(arrived, CALLERS);
              }
              written.addAll(items);
              return items.stream().map(i -> i * 10).toList();
            },
            i -> -1,
            50);
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      int item = i;
      outcomes.add(
          callers.submit(
              () -> {
                start.await();
                arrived.incrementAndGet();
                return commits.write(item);
              }));
    }
    start.countDown();
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(i * 10, outcomes.get(i).get(30, TimeUnit.SECONDS));
    }
    callers.shutdown();

    assertEquals(CALLERS, written.size(), "every item written exactly once");
    assertEquals(CALLERS, written.stream().distinct().count());
    // One slow first commit; the callers queued meanwhile share the next one or two.
    assertTrue(writes.get() < CALLERS / 4, "items shared transactions: " + writes.get());
  }

  @Test
  void whenABatchFailsEachItemIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
    GroupCommit<Integer, String> commits =
        new GroupCommit<>(
            items -> {
              if (items.contains(13)) {
                throw new IllegalStateException("batch refused");
              }
              return items.stream().map(i -> "batched " + i).toList();
            },
            i -> {
              if (i == 13) {
                throw new IllegalArgumentException("13 is refused");
              }
              return "alone " + i;
            },
            50);
    ExecutorService callers = Executors.newFixedThreadPool(16);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int item = i;
      outcomes.add(callers.submit(() -> commits.write(item)));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      Future<String> outcome = outcomes.get(i);
      if (i == 13) {
        Exception e = assertThrows(Exception.class, () -> outcome.get(30, TimeUnit.SECONDS));
        assertEquals("13 is refused", e.getCause().getMessage());
      } else {
        assertTrue(outcome.get(30, TimeUnit.SECONDS).endsWith(" " + i));
      }
    }
    callers.shutdown();
  }

  @Test
  void aSubmittedItemWaitsForItsOwnerIfNobodyElseWritesAndItsOutcomeComesWithTheAwait() {
    List<List<Integer>> batches = new ArrayList<>();
    GroupCommit<Integer, String> commits = recording(batches);

    GroupCommit.Queued<String> first = commits.submit(1);
    GroupCommit.Queued<String> second = commits.submit(2);
    assertEquals(List.of(), batches, "nothing is written before anyone waits");

    assertEquals("ok 1", commits.await(first));
    assertEquals("ok 2", commits.await(second), "written in the same batch");
    assertEquals(List.of(List.of(1, 2)), batches);
  }

  @Test
  void anotherCallersBatchCarriesASubmittedItem() throws Exception {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, String> commits = recording(batches);
    GroupCommit.Queued<String> submitted = commits.submit(5);

    ExecutorService other = Executors.newSingleThreadExecutor();
    assertEquals("ok 6", other.submit(() -> commits.write(6)).get(30, TimeUnit.SECONDS));
    other.shutdown();

    assertEquals(List.of(List.of(5, 6)), batches, "the other caller wrote both");
    assertEquals("ok 5", commits.await(submitted));
    assertEquals(1, batches.size(), "nothing written again");
  }

  /** Commits that keep every batch they write and answer "ok i" for item i. */
  private static GroupCommit<Integer, String> recording(List<List<Integer>> batches) {
    return new GroupCommit<>(
        items -> {
          batches.add(items);
          return items.stream().map(i -> "ok " + i).toList();
        },
        i -> "alone " + i,
        100);
  }

  /** Waits until {@code count} callers have arrived; fails the test after 30 s. */
  private static void awaitAll(AtomicInteger arrived, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (arrived.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + arrived.get() + " of " + count + " callers arrived");
      }
      Thread.onSpinWait();
    }
  }
}
