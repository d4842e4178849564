package com.alphintra.infra.hcl;

/**
 * How bad a {@link Diagnostic} is. Everything the parser finds makes a file unusable, so all are
 * errors.
 */
public enum Severity {
  ERROR
}
