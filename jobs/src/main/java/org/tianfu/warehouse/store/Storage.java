package org.tianfu.warehouse.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * A directory tree that the driver lists, reads and clears: the landing directory or the warehouse.
 * A plain path is a local (or mounted, shared) directory, read through {@code java.nio}; a URI such as
 * {@code s3a://bucket/x}, {@code abfss://…} or {@code hdfs://…} goes through Hadoop's {@code FileSystem},
 * configured as Spark is ({@code spark.hadoop.*}). Executors reach the same locations through Spark.
 */
public interface Storage {
  /**
   * A file under a folder: its path below that folder ('/'-separated), its location as an encoded URI
   * (a space is %20), which executors read it by, and its size in bytes, -1 for an entry that is listed
   * but cannot be read (a dangling link, no permission).
   */
  record FileEntry(String relative, String location, long size) {
    public String name() {
      return relative.substring(relative.lastIndexOf('/') + 1);
    }

    public boolean readable() {
      return size >= 0;
    }
  }

  /** The root as Spark and Delta take it: an absolute local path, or the URI. */
  String root();

  /** {@code relative} ('/'-separated) below the root, in the same form as {@link #root()}. */
  String resolve(String relative);

  /** Whether the folder below the root exists ("" for the root itself). */
  boolean isFolder(String folder);

  /** Whether the file below the root exists: on an object store one request when it does, where a listing pages. */
  boolean isFile(String file);

  /** The names of the folder's entries (files and folders), sorted; none when the folder does not exist. */
  List<String> names(String folder);

  /**
   * Every file under the folder, at any depth, sorted by relative path; none when the folder does not
   * exist. One listing per folder, not one per sub-folder: on an object store that is a few requests.
   */
  List<FileEntry> files(String folder);

  byte[] read(FileEntry file);

  /** Deletes the folder and everything under it; nothing happens when it does not exist. */
  void deleteTree(String folder);

  /** The root as a local directory, or null on a Hadoop filesystem. */
  Path localRoot();

  /** Whether {@code location} is a URI ({@code scheme:/…}) rather than a plain path. */
  static boolean isUri(String location) {
    return location.matches("[A-Za-z][A-Za-z0-9+.-]*:/.*");
  }

  /** The storage at {@code location}; {@code hadoop} is asked for the configuration only for a URI. */
  static Storage at(String location, Supplier<Configuration> hadoop) {
    if (!isUri(location)) {
      return new LocalStorage(Path.of(location).toAbsolutePath());
    }
    URI uri = URI.create(location);
    return "file".equals(uri.getScheme()) ? new LocalStorage(Path.of(uri)) : new HadoopStorage(location, hadoop.get());
  }
}
