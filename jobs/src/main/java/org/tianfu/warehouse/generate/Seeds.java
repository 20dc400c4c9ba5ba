package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Every random choice is drawn from a generator seeded by (run seed, stream, day, index), so any
 * record can be re-derived on its own: a day's files never depend on which days were generated
 * before it, and a record referenced later (a user, an order) can be rebuilt from its key.
 */
final class Seeds {
  private final long seed;

  Seeds(long seed) {
    this.seed = seed;
  }

  SplittableRandom random(String stream, LocalDate day, long index) {
    return new SplittableRandom(hash(stream, day.toEpochDay(), index));
  }

  /** For things that belong to no day (a county's jitter, its science bases). */
  SplittableRandom random(String stream, long key) {
    return new SplittableRandom(hash(stream, Long.MIN_VALUE, key));
  }

  /** A uniform draw in [0, 1) without allocating: cheap enough to test millions of records a day. */
  double unit(String stream, LocalDate day, long index) {
    return (hash(stream, day.toEpochDay(), index) >>> 11) * 0x1.0p-53;
  }

  private long hash(String stream, long a, long b) {
    // String.hashCode is specified by the JLS, so the same stream name hashes alike on every JVM.
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ stream.hashCode());
    h = mix(h + a);
    return mix(h + b);
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
