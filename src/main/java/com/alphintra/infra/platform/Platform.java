package com.alphintra.infra.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one in-memory view of {@code infra/} that every rule reads: what was loaded, where each thing is,
 * the comments of each file (for suppressions), and what could not be loaded.
 *
 * @param root the repository root; every file path in the view is relative to it
 * @param files every file that was read, relative to the root, in a stable order
 * @param comments the comments of each file that has any
 * @param loadErrors files that could not be read or parsed; the rest of the view is complete without them
 * @param notes what a person should know about how complete the view is (no kubectl: overlays not rendered)
 */
public record Platform(
    Path root, List<Path> files, Map<Path, List<SourceComment>> comments, List<LoadError> loadErrors,
    List<String> notes) {

  public Platform {
    files = List.copyOf(files);
    comments = Map.copyOf(comments);
    loadErrors = List.copyOf(loadErrors);
    notes = List.copyOf(notes);
  }

  public boolean hasLoadErrors() {
    return !loadErrors.isEmpty();
  }
}
