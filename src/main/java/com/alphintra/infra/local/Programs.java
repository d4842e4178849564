package com.alphintra.infra.local;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.exec.Redaction;

/** Runs external programs for the steps and turns a failure into a {@link StepFailedException}. */
final class Programs {

  private final ProcessRunner runner;

  Programs(ProcessRunner runner) {
    this.runner = runner;
  }

  ProcessResult run(Command command) throws InterruptedException {
    ProcessResult result = runner.run(command);
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while running " + command.display());
    }
    return result;
  }

  /**
   * Runs the command; a non-zero exit, a timeout or a missing program fails the step with its
   * output.
   */
  ProcessResult require(Command command, String what) throws InterruptedException {
    ProcessResult result = run(command);
    if (!result.succeeded()) {
      throw new StepFailedException(what + " failed: " + result.describe(), tail(result));
    }
    return result;
  }

  private static String tail(ProcessResult result) {
    String[] lines = Redaction.redactText(result.output()).strip().split("\\R");
    int from = Math.max(0, lines.length - 20);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
  }
}
