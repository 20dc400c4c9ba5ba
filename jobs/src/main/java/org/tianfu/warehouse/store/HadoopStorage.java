package org.tianfu.warehouse.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/** A folder on a Hadoop filesystem (an object store, HDFS), given by its URI. */
final class HadoopStorage implements Storage {
  private final Path root;
  private final FileSystem fs;

  HadoopStorage(String location, Configuration hadoop) {
    try {
      this.fs = new Path(location).getFileSystem(hadoop);
      this.root = fs.makeQualified(new Path(location));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof ClassNotFoundException missing)) {
        throw e;
      }
      // A scheme Hadoop knows (s3a://) whose connector jar is not on the classpath: the same as an unknown one.
      IOException unsupported = new UnsupportedFileSystemException("No FileSystem for scheme \""
          + new Path(location).toUri().getScheme() + "\" (" + missing.getMessage() + ")");
      throw new UncheckedIOException(unsupported.getMessage(), unsupported);
    }
  }

  @Override
  public String root() {
    return root.toString();
  }

  @Override
  public String resolve(String relative) {
    return path(relative).toString();
  }

  @Override
  public boolean isFolder(String folder) {
    FileStatus status = status(folder);
    return status != null && status.isDirectory();
  }

  @Override
  public boolean isFile(String file) {
    FileStatus status = status(file);
    return status != null && status.isFile();
  }

  /** The entry's status, or null when there is no such entry. */
  private FileStatus status(String relative) {
    try {
      return fs.getFileStatus(path(relative));
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path(relative) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> names(String folder) {
    try {
      return Arrays.stream(fs.listStatus(path(folder))).map(s -> s.getPath().getName()).sorted().toList();
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path(folder) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<FileEntry> files(String folder) {
    Path parent = path(folder);
    String prefix = parent.toUri().getPath() + "/";
    List<FileEntry> out = new ArrayList<>();
    try {
      // A recursive listing is one paged LIST on an object store, however many sub-folders there are.
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(parent, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String path = s.getPath().toUri().getPath();
        if (path.startsWith(prefix)) {
          out.add(new FileEntry(path.substring(prefix.length()), s.getPath().toUri().toString(), s.getLen()));
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(FileEntry::relative));
    return out;
  }

  @Override
  public byte[] read(FileEntry file) {
    try (FSDataInputStream in = fs.open(new Path(URI.create(file.location())))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteTree(String folder) {
    try {
      fs.delete(path(folder), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + path(folder) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public java.nio.file.Path localRoot() {
    return null;
  }

  private Path path(String relative) {
    return relative.isEmpty() ? root : new Path(root, relative);
  }
}
