package com.alphintra.infra.hcl;

import java.nio.file.Path;

/**
 * Builds expected ranges in whole-tree tests; all inputs are parsed as the file {@code test.hcl}.
 */
final class SourceRanges {

  static final Path FILE = Path.of("test.hcl");

  private SourceRanges() {}

  /**
   * A range on one line, from column {@code from} to column {@code to} (exclusive), with offsets.
   */
  static Range range(int line, int from, int to, int lineOffset) {
    return new Range(
        FILE, new Pos(line, from, lineOffset + from - 1), new Pos(line, to, lineOffset + to - 1));
  }

  /** A range on the first line. */
  static Range range(int from, int to) {
    return range(1, from, to, 0);
  }

  static Range range(Pos start, Pos end) {
    return new Range(FILE, start, end);
  }
}
