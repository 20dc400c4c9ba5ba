package org.tianfu.warehouse.cli;

/** A mistake the person running the command can fix; shown as one line, without a stack trace. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
