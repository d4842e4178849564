package com.alphintra.infra.manifest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a YAML text came from: a file on disk, or the output of a renderer (such as {@code kubectl
 * kustomize} for an overlay) that has no file of its own. Findings print the label.
 *
 * @param label what a person reads in a message: the file path, or a name such as {@code overlay
 *     local}
 * @param file the file the text was read from, when there is one
 */
public record Origin(String label, Optional<Path> file) {

  public Origin {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(file, "file");
  }

  /** The origin of a text read from {@code file}. */
  public static Origin of(Path file) {
    return new Origin(file.toString(), Optional.of(file));
  }

  /**
   * The origin of a text produced by a renderer, named by {@code label} (for example {@code overlay
   * local}).
   */
  public static Origin rendered(String label) {
    return new Origin(label, Optional.empty());
  }

  @Override
  public String toString() {
    return label;
  }
}
