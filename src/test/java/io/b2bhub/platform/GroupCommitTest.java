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
  @Test
  void aCallerAloneWritesItsOwnItemAtOnce() {
    List<List<Integer>> batches = new ArrayList<>();
    GroupCommit<Integer, String> commits =
        new GroupCommit<>(
            items -> {
              batches.add(items);
              return items.stream().map(i -> "ok " + i).toList();
            },
            i -> "alone " + i,
            100);

    assertEquals("ok 7", commits.write(7));
    assertEquals(List.of(List.of(7)), batches);
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnOutcome() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commits =
        new GroupCommit<>(
            items -> {
              writes.incrementAndGet();
              sleep(5); // a commit takes a while; callers queue meanwhile
              written.addAll(items);
              return items.stream().map(i -> i * 10).toList();
            },
            i -> -1,
            50);
    ExecutorService callers = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      int item = i;
      outcomes.add(
          callers.submit(
              () -> {
                start.await();
                return commits.write(item);
              }));
    }
    start.countDown();
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(i * 10, outcomes.get(i).get(30, TimeUnit.SECONDS));
    }
    callers.shutdown();

    assertEquals(1_000, written.size(), "every item written exactly once");
    assertEquals(1_000, written.stream().distinct().count());
    assertTrue(writes.get() < 200, "items shared transactions: " + writes.get() + " batches");
  }

  @Test
  void whenABatchFailsEachItemIsWrittenAloneSoOnlyTheBadOneFails() throws Exception {
    GroupCommit<Integer, String> commits =
        new GroupCommit<>(
            items -> {
              sleep(5);
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
