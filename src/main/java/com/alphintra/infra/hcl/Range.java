package com.alphintra.infra.hcl;

import java.nio.file.Path;

/** A span of a source file; {@code end} is exclusive. */
public record Range(Path file, Pos start, Pos end) {

  /** A range covering both given ranges (which must be in the same file). */
  public Range to(Range other) {
    return new Range(file, start, other.end);
  }

  /** {@code file:line:col} of the start, the form editors and CI annotators understand. */
  public String describe() {
    return file + ":" + start.line() + ":" + start.column();
  }

  @Override
  public String toString() {
    return describe();
  }
}
