package org.tianfu.warehouse.orchestrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer per warehouse: an OS file lock on {@code <warehouse>/_lock}, held for the whole run.
 * The OS releases it when the process ends, even by SIGKILL, so a crash never leaves a stale lock.
 * The file names the holder, for the message a second run prints. Delta's optimistic concurrency
 * protects single commits; this protects the sequence of stages from interleaving.
 * An OS lock needs a local or POSIX shared filesystem: a warehouse on an object store gets
 * {@link #none()}, and Airflow's max_active_runs=1 is the guard there (docs/operations.md).
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** No lock, for a warehouse where no OS lock can be taken. */
  public static RunLock none() {
    return new RunLock(null, null);
  }

  /** Takes the lock, or throws {@link WarehouseBusyException} naming the run that holds it. */
  public static RunLock acquire(Path warehouse, String runId, String command) {
    try {
      Files.createDirectories(warehouse);
      Path file = warehouse.resolve("_lock");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;       // held by this very JVM
      }
      if (lock == null) {
        channel.close();
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        throw new WarehouseBusyException("the warehouse " + warehouse + " is in use by another run: "
            + (holder.isEmpty() ? "holder unknown" : holder) + "; try again when it has finished");
      }
      String me = "run " + runId + " (pid " + ProcessHandle.current().pid() + " on "
          + ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "") + ", started "
          + Instant.now() + ": " + command + ")";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new RunLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the warehouse " + warehouse, e);
    }
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
