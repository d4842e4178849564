package com.alphintra.infra.cloud;

import java.nio.file.Path;

/**
 * What the workflow needs to know about one environment root: where it is, which project it deploys
 * to, and the remote-state bucket that {@code cloud bootstrap} created for that project.
 */
public record EnvironmentSettings(Environment environment, Path directory, String projectId) {

  /** The bootstrap root names the bucket after the project, so every environment can derive it. */
  public String stateBucket() {
    return projectId + "-tfstate";
  }
}
