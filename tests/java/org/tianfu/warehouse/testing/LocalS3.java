package org.tianfu.warehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A local S3 server (s3rver, from npm: tests/objectstore, installed into target/objectstore before the
 * integration tests) with one bucket, "lake", and the S3A settings that reach it.
 */
public final class LocalS3 implements AutoCloseable {
  private static final Path SERVER = Path.of("target/objectstore").toAbsolutePath();

  private final Process server;
  private final Map<String, String> settings;

  private LocalS3(Process server, Map<String, String> settings) {
    this.server = server;
    this.settings = settings;
  }

  /** Starts the server on a free port, keeping its objects under {@code dir}. */
  public static LocalS3 start(Path dir) throws IOException {
    int port = FreePort.pick();
    ProcessBuilder pb = new ProcessBuilder("node", SERVER.resolve("s3rver.js").toString(),
        Files.createDirectories(dir).toString(), String.valueOf(port), "lake").redirectErrorStream(true);
    // s3rver's list continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
    pb.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
    pb.environment().put("NODE_PATH", SERVER.resolve("node_modules").toString());
    Process server = pb.start();
    String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (!"listening".equals(first)) {
      server.destroyForcibly();   // no caller holds it yet to close it
    }
    assertEquals("listening", first, "s3rver did not start");
    return new LocalS3(server, Map.of("fs.s3a.endpoint", "http://127.0.0.1:" + port, "fs.s3a.endpoint.region", "us-east-1",
        "fs.s3a.path.style.access", "true", "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.access.key", "S3RVER", "fs.s3a.secret.key", "S3RVER"));
  }

  /** The S3A settings (Hadoop's names, without Spark's {@code spark.hadoop.} prefix). */
  public Map<String, String> settings() {
    return settings;
  }

  /** The bucket through S3A. */
  public FileSystem lake() throws IOException {
    Configuration hadoop = new Configuration();
    settings.forEach(hadoop::set);
    return FileSystem.get(URI.create("s3a://lake/"), hadoop);
  }

  /**
   * Every file under {@code dir}, written through S3A's output stream (the upload path Delta's writes take;
   * {@code copyFromLocalFile} goes through the SDK's transfer manager, whose signed uploads s3rver refuses).
   */
  public void upload(Path dir, String target) throws IOException {
    FileSystem lake = lake();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (var out = lake.create(new org.apache.hadoop.fs.Path(target + "/" + dir.relativize(file)))) {
          Files.copy(file, out);
        }
      }
    }
  }

  @Override
  public void close() {
    server.destroyForcibly();
  }
}
