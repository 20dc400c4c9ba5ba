package org.tianfu.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made landing files for tests. */
public final class Landing {
  private final Path root;

  public Landing(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path write(String source, String dt, String file, String... lines) {
    return writeBytes(source, dt, file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public Path writeBytes(String source, String dt, String file, byte[] content) {
    try {
      Path dir = root.resolve(source).resolve("dt=" + dt);
      Files.createDirectories(dir);
      return Files.write(dir.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
