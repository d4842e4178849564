package com.alphintra.infra.hcl;

/**
 * A position in a source text.
 *
 * @param line 1-based line number
 * @param column 1-based column, counted in Unicode code points (a tab counts as one column)
 * @param offset 0-based index into the source {@code String} (UTF-16 code units)
 */
public record Pos(int line, int column, int offset) {

  /** The position of the first character of a text. */
  public static final Pos START = new Pos(1, 1, 0);

  public Pos {
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException("invalid position " + line + ":" + column + "@" + offset);
    }
  }
}
