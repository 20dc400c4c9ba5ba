package org.tianfu.warehouse.orchestrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tianfu.warehouse.store.Directories;

/**
 * A reports folder that county offices read while the nightly run rewrites it: a month's reports are
 * written into a hidden staging folder and renamed into {@code <dir>/<YYYY-MM>} only when complete,
 * so nobody opens a half-written month. Staging left by a killed run is removed by the next one.
 */
final class ReportsFolder {
  private static final String STAGING = ".staging-";

  private final Path dir;

  ReportsFolder(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /** Writes {@code period}'s reports with {@code writer} (given the folder to fill) and puts them in place. */
  Path replace(YearMonth period, String runId, Consumer<Path> writer) {
    Path done = dir.resolve(period.toString());
    Path staging = dir.resolve(STAGING + period + "-" + runId);
    Path previous = dir.resolve(STAGING + period + "-" + runId + "-previous");
    try {
      Files.createDirectories(dir);
      removeLeftovers();
      writer.accept(staging);
      if (Files.exists(done)) {
        Files.move(done, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, done, StandardCopyOption.ATOMIC_MOVE);
      Directories.deleteTree(previous);
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports into " + dir, e);
    }
  }

  private void removeLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(p -> p.getFileName().toString().startsWith(STAGING)).forEach(Directories::deleteTree);
    }
  }
}
