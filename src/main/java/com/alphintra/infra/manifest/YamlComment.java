package com.alphintra.infra.manifest;

/**
 * A comment in a YAML text, kept so that a suppression such as {@code # alphintra:ignore
 * k8s-run-as-non-root reason="..."} can be found on or above the line it is about.
 *
 * @param position where the {@code #} is
 * @param text the text after the {@code #}, as written
 * @param inline whether the comment follows content on the same line (rather than standing on its
 *     own line)
 */
public record YamlComment(Position position, String text, boolean inline) {

  /** The line of the comment, from 1. */
  public int line() {
    return position.line();
  }
}
