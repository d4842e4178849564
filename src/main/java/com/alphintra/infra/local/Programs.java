package com.alphintra.infra.local;

import com.alphintra.infra.doctor.Tool;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.exec.Redaction;
import java.util.Arrays;

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
    if (result.status() == ProcessResult.Status.NOT_FOUND) {
      throw missing(command.program(), what);
    }
    if (!result.succeeded()) {
      throw new StepFailedException(what + " failed: " + result.describe(), tail(result));
    }
    return result;
  }

  /** A program that is not installed is a missing prerequisite (exit 3), with how to get it. */
  static MissingPrerequisiteException missing(String program, String what) {
    String hint =
        Arrays.stream(Tool.values())
            .filter(tool -> tool.command().equals(program))
            .findFirst()
            .map(
                tool ->
                    "install "
                        + program
                        + ": Linux: "
                        + tool.install().linux()
                        + "; macOS: "
                        + tool.install().macos()
                        + " (`alphintra doctor` checks every prerequisite)")
            .orElse("install " + program + " and make sure it is on the PATH");
    return new MissingPrerequisiteException(
        what + " needs " + program + ", which is not installed (not on the PATH)", hint);
  }

  private static String tail(ProcessResult result) {
    String[] lines = Redaction.redactText(result.output()).strip().split("\\R");
    int from = Math.max(0, lines.length - 20);
    return String.join("\n", Arrays.copyOfRange(lines, from, lines.length)).strip();
  }
}
