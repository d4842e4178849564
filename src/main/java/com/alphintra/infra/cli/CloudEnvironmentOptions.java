package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.Environment;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options plan, apply and destroy share: which environment, extra variables, and the gate. */
final class CloudEnvironmentOptions {

  @Mixin EnvironmentOption env;

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

  Environment environment() {
    return env.environment;
  }

  Optional<Path> varFile() {
    return Optional.ofNullable(varFile);
  }

  Optional<String> acceptFindings() {
    return Optional.ofNullable(acceptFindings);
  }
}
