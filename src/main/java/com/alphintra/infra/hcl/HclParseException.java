package com.alphintra.infra.hcl;

import java.util.List;

/**
 * The one exception the parser throws: the input is not valid HCL (or could not be read).
 *
 * <p>The message starts with the first error's {@code file:line:col} and summary; {@link
 * #diagnostics()} holds every error found, in the order they were found. Unchecked, so that loaders
 * can parse inside streams; callers at the command boundary map it to "malformed input".
 */
public final class HclParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public HclParseException(List<Diagnostic> diagnostics) {
    super(message(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The first error, the one the message names. */
  public Diagnostic first() {
    return diagnostics.get(0);
  }

  private static String message(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a parse exception needs at least one diagnostic");
    }
    Diagnostic first = diagnostics.get(0);
    String message = first.describe() + ". " + first.detail();
    int more = diagnostics.size() - 1;
    return more == 0
        ? message
        : message + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
  }
}
