package com.alphintra.infra.manifest;

/**
 * A place in a YAML text, counted from 1 as editors and compilers show it.
 *
 * @param line line number, from 1
 * @param column column number, from 1
 */
public record Position(int line, int column) {

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "line and column count from 1, got " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
