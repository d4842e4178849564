package com.alphintra.infra.error;

/**
 * A program or resource the command needs is not there (exit code 3). The hint says how to get it.
 */
public class MissingPrerequisiteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public MissingPrerequisiteException(String message, String hint) {
    super(message);
    this.hint = hint == null ? "" : hint;
  }

  public String hint() {
    return hint;
  }
}
