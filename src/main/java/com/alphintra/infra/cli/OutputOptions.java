package com.alphintra.infra.cli;

import picocli.CommandLine.Option;

/** The shared {@code --output text|json} option of every command that reports state. */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.TEXT;

  public OutputFormat format() {
    return format;
  }

  public boolean isJson() {
    return format == OutputFormat.JSON;
  }
}
