package org.tianfu.warehouse.orchestrate;

/** Airflow did not answer, or answered with an error this client cannot act on. */
public final class AirflowUnavailableException extends RuntimeException {
  public AirflowUnavailableException(String message) {
    super(message);
  }
}
