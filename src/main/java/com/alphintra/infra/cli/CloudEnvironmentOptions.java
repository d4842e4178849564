package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.Environment;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options plan, apply and destroy share: which environment, extra variables, and the gate. */
final class CloudEnvironmentOptions {

  @Option(
      names = "--env",
      required = true,
      paramLabel = "ENV",
      description = "The environment: ${COMPLETION-CANDIDATES}.")
  Environment environment;

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      description = "An extra .tfvars file for the plan.")
  Path varFile;

  @Option(
      names = "--accept-findings",
      paramLabel = "REASON",
      description =
          "Go ahead despite check findings at HIGH or above; the reason is printed in the summary.")
  String acceptFindings;

  Optional<Path> varFile() {
    return Optional.ofNullable(varFile);
  }

  Optional<String> acceptFindings() {
    return Optional.ofNullable(acceptFindings);
  }
}
