package com.alphintra.infra.terraform;

/**
 * An expression that would fail in Terraform (a missing key, a wrong type). Kept apart from
 * "unknown" because {@code try} and {@code can} treat the two differently; it never leaves the
 * evaluator.
 */
final class EvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EvaluationException(String message) {
    // No stack trace: this is control flow inside the evaluator, thrown often and never logged.
    super(message, null, false, false);
  }
}
