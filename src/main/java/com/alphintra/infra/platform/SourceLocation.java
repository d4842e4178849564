package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Range;
import java.nio.file.Path;

/**
 * Where a person edits a field: a file relative to the repository root and a line (0: the file as a
 * whole).
 *
 * @param file the file
 * @param line the line, from 1; 0 when no line is known
 */
public record SourceLocation(Path file, int line) {

  /** The start of a Terraform source range: where a value or block is written. */
  public static SourceLocation of(Range range) {
    return new SourceLocation(range.file(), range.start().line());
  }
}
