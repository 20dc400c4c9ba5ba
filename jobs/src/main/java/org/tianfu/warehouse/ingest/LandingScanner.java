package org.tianfu.warehouse.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tianfu.warehouse.contract.LandingTimestamps;

/**
 * Lists a source's {@code dt=YYYY-MM-DD} folders in the landing directory. Anything the contract
 * does not name (other files, folders that are not a valid dt) is reported to {@code warn}, never
 * silently passed over.
 */
public final class LandingScanner {
  private final Path landing;
  private final Consumer<String> warn;

  public LandingScanner(Path landing, Consumer<String> warn) {
    this.landing = landing;
    this.warn = warn;
  }

  /** The source's dt folders, oldest first; none when the source has no folder yet. */
  public List<DtFolder> folders(String source) {
    Path dir = landing.resolve(source);
    List<DtFolder> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    for (Path child : list(dir)) {
      String name = child.getFileName().toString();
      String dt = name.startsWith("dt=") ? name.substring(3) : null;
      if (!Files.isDirectory(child) || dt == null || LandingTimestamps.parseDate(dt) == null) {
        warn.accept("skipped " + landing.relativize(child) + ": not a dt=YYYY-MM-DD folder");
        continue;
      }
      List<Path> files = new ArrayList<>();
      for (Path file : list(child)) {
        // A .jsonl entry that cannot be read is kept, so that reading it fails the run by name.
        if (!Files.isDirectory(file) && file.getFileName().toString().endsWith(".jsonl")) {
          files.add(file);
        } else {
          warn.accept("skipped " + landing.relativize(file) + ": not a .jsonl file");
        }
      }
      out.add(new DtFolder(source, dt, files));
    }
    return out;
  }

  /** A landing folder's entries in name order; one that cannot be listed fails the run by name. */
  public static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new LandingFileException("cannot list " + dir + ": " + e.getMessage());
    }
  }
}
