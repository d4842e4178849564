package com.alphintra.infra.local;

/**
 * A step could not do its work. The message says what failed; {@code detail} carries the relevant
 * output of the external program or API call (already redacted), shown under the message.
 */
public class StepFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String detail;

  public StepFailedException(String message) {
    this(message, "", null);
  }

  public StepFailedException(String message, String detail) {
    this(message, detail, null);
  }

  public StepFailedException(String message, String detail, Throwable cause) {
    super(message, cause);
    this.detail = detail == null ? "" : detail;
  }

  public String detail() {
    return detail;
  }
}
