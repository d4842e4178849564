package com.alphintra.infra.error;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Input a person can fix is wrong or missing: a malformed file, an unknown name, a bad option
 * value. Maps to exit code 2; the message says what, the location where, the hint what to do.
 */
public class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Optional<Path> file;
  private final int line;
  private final int column;
  private final String hint;

  public InputException(String message, String hint) {
    this(message, null, 0, 0, hint, null);
  }

  public InputException(String message, Path file, String hint) {
    this(message, file, 0, 0, hint, null);
  }

  public InputException(
      String message, Path file, int line, int column, String hint, Throwable cause) {
    super(message, cause);
    this.file = Optional.ofNullable(file);
    this.line = line;
    this.column = column;
    this.hint = hint == null ? "" : hint;
  }

  /**
   * {@code file:line:col}, {@code file:line} or {@code file}, or empty when the input is not a
   * file.
   */
  public Optional<String> location() {
    return file.map(path -> path + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : ""));
  }

  /** The line in the file, from 1; 0 when unknown. */
  public int line() {
    return line;
  }

  /** The column in the file, from 1; 0 when unknown. */
  public int column() {
    return column;
  }

  public String hint() {
    return hint;
  }
}
