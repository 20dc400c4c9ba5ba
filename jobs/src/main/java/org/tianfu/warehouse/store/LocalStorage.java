package org.tianfu.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local (or mounted) directory. Links are followed, and an entry that cannot be read is still
 * listed (size -1), so that the landing scan can fail the run by its name rather than skip it.
 */
public record LocalStorage(Path dir) implements Storage {
  @Override
  public String root() {
    return dir.toString();
  }

  @Override
  public String resolve(String relative) {
    return dir.resolve(relative).toString();
  }

  @Override
  public boolean isFolder(String folder) {
    return Files.isDirectory(dir.resolve(folder));
  }

  @Override
  public boolean isFile(String file) {
    return Files.isRegularFile(dir.resolve(file));
  }

  @Override
  public List<String> names(String folder) {
    Path parent = dir.resolve(folder);
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(parent)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list " + parent + ": " + asIo(e).getMessage(), asIo(e));
    }
  }

  @Override
  public List<FileEntry> files(String folder) {
    Path parent = dir.resolve(folder);
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(parent, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(p -> !Files.isDirectory(p))
          .map(p -> new FileEntry(parent.relativize(p).toString(), p.toUri().toString(), sizeOrMinusOne(p)))
          .sorted(Comparator.comparing(FileEntry::relative)).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list " + parent + ": " + asIo(e).getMessage(), asIo(e));
    }
  }

  @Override
  public byte[] read(FileEntry file) {
    try {
      return Files.readAllBytes(Path.of(java.net.URI.create(file.location())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteTree(String folder) {
    Directories.deleteTree(dir.resolve(folder));
  }

  @Override
  public Path localRoot() {
    return dir;
  }

  private static long sizeOrMinusOne(Path file) {
    try {
      return Files.isReadable(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static IOException asIo(Exception e) {
    return e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
  }
}
