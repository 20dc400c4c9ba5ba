package org.tianfu.warehouse.landing;

/** A landing file that cannot be read at all: the run stops, naming it; nothing is marked ingested. */
public final class LandingFileException extends RuntimeException {
  public LandingFileException(String message) {
    super(message);
  }
}
