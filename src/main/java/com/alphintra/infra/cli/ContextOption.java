package com.alphintra.infra.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The shared {@code --context} option: an existing cluster's kube context instead of the local k3d
 * one.
 */
public final class ContextOption {

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description =
          "Use this existing kube context (for example a GKE cluster) instead of the local k3d cluster.")
  String context;

  public Optional<String> context() {
    return Optional.ofNullable(context);
  }
}
