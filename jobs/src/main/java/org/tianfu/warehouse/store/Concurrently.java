package org.tianfu.warehouse.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per item on its own driver thread, all sharing the run's SparkSession. A
 * stage's work per source is a chain of small Spark jobs and Delta commits; side by side, one
 * source's jobs use the cores while another plans or commits. On two cores a night is CPU-bound and
 * gains little (BENCHMARKS.md, "Levers kept": sources side by side); more cores gain more.
 * Waits for every piece, so nothing still writes when the stage returns, then rethrows the first
 * failure in item order; the others' commits stand, as they would in separate tasks.
 */
public final class Concurrently {
  private Concurrently() {}

  public static <K, T> List<T> each(List<K> items, Function<K, T> work) {
    if (items.size() <= 1) {
      return items.stream().map(work).toList();
    }
    ExecutorService threads = Executors.newFixedThreadPool(items.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (K item : items) {
        futures.add(threads.submit(() -> work.apply(item)));
      }
      List<T> results = new ArrayList<>();
      Throwable failure = null;
      for (Future<T> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + items, e);
        }
      }
      if (failure != null) {
        throw Concurrently.<RuntimeException>rethrow(failure);
      }
      return results;
    } finally {
      threads.shutdown();
    }
  }

  /**
   * Throws the failure as it is. Spark's Scala code throws checked exceptions (AnalysisException) that
   * no Java signature announces; callers tell a user's mistake from a fault by the exception's type.
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
