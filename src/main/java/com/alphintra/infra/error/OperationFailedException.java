package com.alphintra.infra.error;

/**
 * Work that was asked for could not be done: an external program failed, a gate refused, a
 * confirmation was missing. Maps to exit code 1; the hint says what to do next.
 */
public class OperationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public OperationFailedException(String message, String hint) {
    super(message);
    this.hint = hint == null ? "" : hint;
  }

  public String hint() {
    return hint;
  }
}
