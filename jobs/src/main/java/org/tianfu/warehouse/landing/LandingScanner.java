package org.tianfu.warehouse.landing;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tianfu.warehouse.contract.LandingTimestamps;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.Storage.FileEntry;

/**
 * Lists a source's {@code dt=YYYY-MM-DD} folders in the landing directory. Anything the contract
 * does not name (other files, folders that are not a valid dt) is reported to {@code warn}, never
 * silently passed over.
 */
public final class LandingScanner {
  private static final String JSONL = ".jsonl";
  private final Storage landing;
  private final Consumer<String> warn;

  public LandingScanner(Storage landing, Consumer<String> warn) {
    this.landing = landing;
    this.warn = warn;
  }

  /**
   * The source's dt folders that hold files, oldest first; none when the source has no folder yet.
   * Their files other than {@code .jsonl} are not reported here but kept in {@link DtFolder#skipped()}:
   * the run warns about them when it reads that day, not again every night after.
   */
  public List<DtFolder> folders(String source) {
    List<DtFolder> out = new ArrayList<>();
    folderFiles(landing, source, name -> name.startsWith("dt=") && LandingTimestamps.parseDate(name.substring(3)) != null,
        "a dt=YYYY-MM-DD folder", JSONL, warn)
        .forEach((folder, files) -> out.add(new DtFolder(source, folder.substring(3), files.wanted(), files.others())));
    return out;
  }

  /** A folder's files that have the extension wanted, and a warning for each of its other files, which are not read. */
  public record FolderFiles(List<FileEntry> wanted, List<String> others) {}

  /**
   * The files of a source laid out as {@code <source>/<folder>/<file>}, by folder in name order. A file
   * elsewhere (beside the folders, in a folder not named as {@code folderName} wants, or one level
   * deeper) is reported to {@code warn} and skipped. A file without {@code extension} is skipped too,
   * its warning kept in its folder's {@link FolderFiles#others()} for the caller to give when it reads
   * that folder. A file that cannot be read is kept, so that reading it fails the run by name.
   */
  public static Map<String, FolderFiles> folderFiles(Storage landing, String source, Predicate<String> folderName,
      String folderKind, String extension, Consumer<String> warn) {
    Map<String, FolderFiles> out = new TreeMap<>();
    Set<String> skippedFolders = new HashSet<>();
    for (FileEntry file : list(landing, source)) {
      String[] parts = file.relative().split("/");
      if (parts.length == 1 || !folderName.test(parts[0])) {
        if (skippedFolders.add(parts[0])) {
          warn.accept(skipped(source, parts[0], folderKind));
        }
      } else if (parts.length > 2) {
        if (skippedFolders.add(parts[0] + "/" + parts[1])) {
          warn.accept(skipped(source, parts[0] + "/" + parts[1], "a file (a folder in a folder)"));
        }
      } else {
        FolderFiles folder = out.computeIfAbsent(parts[0], k -> new FolderFiles(new ArrayList<>(), new ArrayList<>()));
        if (file.name().endsWith(extension)) {
          folder.wanted().add(file);
        } else {
          folder.others().add(skipped(source, parts[0] + "/" + parts[1], "a " + extension + " file"));
        }
      }
    }
    return out;
  }

  private static String skipped(String source, String entry, String kind) {
    return "skipped " + source + "/" + entry + ": not " + kind;
  }

  /** A source's files; a folder that cannot be listed fails the run by name. */
  private static List<FileEntry> list(Storage landing, String source) {
    try {
      return landing.files(source);
    } catch (UncheckedIOException e) {
      throw new LandingFileException(e.getMessage());
    }
  }
}
