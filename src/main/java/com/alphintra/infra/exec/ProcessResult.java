package com.alphintra.infra.exec;

import java.time.Duration;

/**
 * What became of a {@link Command}: it exited with a code, ran past its timeout and was killed, or
 * could not start because the program is not installed.
 */
public record ProcessResult(
    Command command, Status status, int exitCode, String stdout, String stderr, Duration elapsed) {

  public enum Status {
    EXITED,
    TIMED_OUT,
    NOT_FOUND
  }

  public static ProcessResult exited(
      Command command, int exitCode, String stdout, String stderr, Duration elapsed) {
    return new ProcessResult(command, Status.EXITED, exitCode, stdout, stderr, elapsed);
  }

  public static ProcessResult timedOut(
      Command command, String stdout, String stderr, Duration elapsed) {
    return new ProcessResult(command, Status.TIMED_OUT, -1, stdout, stderr, elapsed);
  }

  public static ProcessResult notFound(Command command) {
    return new ProcessResult(command, Status.NOT_FOUND, -1, "", "", Duration.ZERO);
  }

  public boolean succeeded() {
    return status == Status.EXITED && exitCode == 0;
  }

  /** stdout and stderr together, for version probes that print to either. */
  public String output() {
    return stderr.isEmpty() ? stdout : stdout.isEmpty() ? stderr : stdout + "\n" + stderr;
  }

  /** One line for a person: what ran and how it ended, with the last lines of its error output. */
  public String describe() {
    return switch (status) {
      case NOT_FOUND -> "'" + command.program() + "' is not installed or not on the PATH";
      case TIMED_OUT ->
          "'"
              + command.display()
              + "' did not finish within "
              + command.timeout().toSeconds()
              + "s";
      case EXITED ->
          exitCode == 0
              ? "'" + command.display() + "' succeeded"
              : "'"
                  + command.display()
                  + "' exited with "
                  + exitCode
                  + tail(Redaction.redactText(output()));
    };
  }

  private static String tail(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    String[] lines = trimmed.split("\\R");
    int from = Math.max(0, lines.length - 5);
    return ": " + String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }
}
