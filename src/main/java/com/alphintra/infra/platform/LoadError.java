package com.alphintra.infra.platform;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that could not be read or parsed. Collected, not thrown, so every other file is still
 * checked.
 *
 * @param file the file, relative to the repository root
 * @param line the line, from 1; 0 when unknown
 * @param column the column, from 1; 0 when unknown
 * @param message what is wrong, without the location
 */
public record LoadError(Path file, int line, int column, String message) {

  public LoadError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col}, {@code file:line} or {@code file}, with {@code /} separators. */
  public String location() {
    String name = file.toString().replace('\\', '/');
    return line > 0 ? name + ":" + line + (column > 0 ? ":" + column : "") : name;
  }
}
