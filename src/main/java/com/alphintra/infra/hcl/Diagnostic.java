package com.alphintra.infra.hcl;

/**
 * A problem found in a source file.
 *
 * @param summary a few words ("Unclosed block")
 * @param detail whole sentences saying what is wrong and what to write instead
 * @param subject the tightest range the problem is about
 */
public record Diagnostic(Severity severity, String summary, String detail, Range subject) {

  /** {@code file:line:col: summary}, the first line of an error message. */
  public String describe() {
    return subject.describe() + ": " + summary;
  }
}
