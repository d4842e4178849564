package com.alphintra.infra.cli;

/** The tool's exit codes (DESIGN.md, Conventions), listed in the root help. */
public enum ExitCode {
  OK(0, "Success."),
  NOT_OK(1, "The answer is \"not OK\": findings, unhealthy, a step failed and was rolled back."),
  USAGE(2, "Bad invocation or unreadable or malformed input."),
  MISSING_PREREQUISITES(3, "Missing prerequisites.");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
