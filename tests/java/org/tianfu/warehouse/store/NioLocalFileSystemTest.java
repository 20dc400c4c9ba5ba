package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.testing.TestSpark;

class NioLocalFileSystemTest {
  private static final URI LOCAL = URI.create("file:///");
  private final Configuration conf = TestSpark.session().sparkContext().hadoopConfiguration();
  @TempDir java.nio.file.Path dir;

  private String mode(String name) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)));
  }

  private Path path(String name) {
    return new Path(dir.resolve(name).toUri());
  }

  @Test
  void theSessionsLocalFilesAreTheseClasses() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(LOCAL, conf)) {
      assertInstanceOf(NioLocalFileSystem.class, fs);
    }
    assertInstanceOf(NioLocalFs.class, FileContext.getFileContext(LOCAL, conf).getDefaultFileSystem());
  }

  @Test
  void permissionsAreHadoopsUnderTheUmask() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(LOCAL, conf)) {
      fs.create(path("part.parquet")).close();
      assertEquals("rw-r--r--", mode("part.parquet"));
      assertEquals("rw-r--r--", mode(".part.parquet.crc"));
      assertTrue(fs.mkdirs(path("dt=2024-01-31"), new FsPermission((short) 0750)));
      assertEquals("rwxr-x---", mode("dt=2024-01-31"));
      fs.setPermission(path("part.parquet"), new FsPermission((short) 0600));
      assertEquals("rw-------", mode("part.parquet"));
    }
  }

  @Test
  void aLinkStatusIsTheFilesUnlessThePathIsALink() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(LOCAL, conf)) {
      Files.writeString(dir.resolve("00000.json"), "{}\n");
      FileStatus file = fs.getFileLinkStatus(path("00000.json"));
      assertFalse(file.isSymlink());
      assertEquals(3, file.getLen());
      assertThrows(FileNotFoundException.class, () -> fs.getFileLinkStatus(path("missing.json")));
      Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("00000.json"));
      // Hadoop's own answer for a link; its readlink finds the link only on a path without a scheme.
      FileStatus link = fs.getFileLinkStatus(new Path(dir.resolve("link.json").toString()));
      assertTrue(link.isSymlink());
      assertEquals("00000.json", link.getSymlink().getName());
    }
  }

  // Delta's log store writes a commit to a temporary file and renames it without overwriting.
  @Test
  void aFileContextRenameDoesNotOverwrite() throws Exception {
    FileContext fc = FileContext.getFileContext(LOCAL, conf);
    for (String name : new String[] {"a.tmp", "b.tmp"}) {
      fc.create(path(name), EnumSet.of(CreateFlag.CREATE)).close();
    }
    fc.rename(path("a.tmp"), path("00001.json"), Options.Rename.NONE);
    assertTrue(Files.exists(dir.resolve("00001.json")));
    assertEquals("rw-r--r--", mode("00001.json"));
    assertThrows(FileAlreadyExistsException.class,
        () -> fc.rename(path("b.tmp"), path("00001.json"), Options.Rename.NONE));
  }
}
