package com.alphintra.infra.manifest;

/** What kind of thing is wrong with a document that could be read as YAML. */
public enum ProblemKind {

  /**
   * A field the model does not know: a typo, a field at the wrong level, or one from another API
   * version.
   */
  UNKNOWN_FIELD(true),
  /** A value of the wrong type, such as text where a number belongs. */
  WRONG_TYPE(true),
  /** A required field is absent. */
  MISSING_FIELD(true),
  /** A value of the right type that is not allowed, such as a negative count. */
  INVALID_VALUE(true),
  /**
   * A document that is not a Kubernetes object: not a mapping, or without {@code apiVersion} and
   * {@code kind}.
   */
  NOT_A_RESOURCE(true),
  /**
   * An {@code apiVersion} and {@code kind} with no typed model (a custom resource we do not model):
   * the object is kept with its generic tree, but its fields could not be checked. Not an error.
   */
  UNKNOWN_KIND(false),
  /**
   * A field the model does not know where the tool that reads the file does not reject unknown
   * fields either (such as k3d's {@code registries} and {@code options.runtime}): it has no effect,
   * so probably a mistake, but the file is still valid. Not an error.
   */
  IGNORED_FIELD(false);

  private final boolean error;

  ProblemKind(boolean error) {
    this.error = error;
  }

  /** Whether a tool that reads the file rejects it because of this problem. */
  public boolean isError() {
    return error;
  }
}
