package com.alphintra.infra.manifest;

import java.util.Objects;

/**
 * Something wrong with a document that was read: what, at which field, and where in the text.
 *
 * @param kind what kind of problem; {@link ProblemKind#isError()} says whether the file is invalid
 * @param message what is wrong, naming the field and the value
 * @param path the field the problem is about (the root for problems about the whole document)
 * @param origin where the text came from
 * @param position the tightest position known for the field
 */
public record ManifestProblem(
    ProblemKind kind, String message, FieldPath path, Origin origin, Position position) {

  public ManifestProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(position, "position");
  }

  /**
   * A problem about the field at {@code path} of {@code document}, placed at the field or its
   * nearest ancestor.
   */
  public static ManifestProblem at(
      ManifestDocument document, FieldPath path, ProblemKind kind, String message) {
    return new ManifestProblem(
        kind, message, path, document.origin(), document.nearestPositionOf(path));
  }

  /** Whether the file is invalid because of this problem. */
  public boolean isError() {
    return kind.isError();
  }

  @Override
  public String toString() {
    return origin.label() + ":" + position + ": " + message;
  }
}
