package org.tianfu.warehouse.orchestrate;

/** Another run holds the warehouse; nothing was touched. Retrying later is the remedy. */
public final class WarehouseBusyException extends RuntimeException {
  public WarehouseBusyException(String message) {
    super(message);
  }
}
