package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.Environment;
import picocli.CommandLine.Option;

/** {@code --env ENV}: the environment a cloud command acts on, declared once for all of them. */
final class EnvironmentOption {

  @Option(
      names = "--env",
      required = true,
      paramLabel = "ENV",
      description = "The environment: ${COMPLETION-CANDIDATES}.")
  Environment environment;
}
