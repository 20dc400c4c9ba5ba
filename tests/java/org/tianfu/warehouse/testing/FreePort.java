package org.tianfu.warehouse.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** A TCP port that is free on this machine now, for a server a test starts next (Spark's master, S3). */
public final class FreePort {
  private FreePort() {}

  public static int pick() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
