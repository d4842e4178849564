package com.alphintra.infra.local;

import java.nio.file.Path;

/**
 * A Helm release to install: its name and namespace, the chart from an upstream repository pinned
 * in infra/versions.yaml, and our values file.
 */
public record ChartRelease(
    String name,
    String namespace,
    String repositoryName,
    String repositoryUrl,
    String chart,
    String version,
    Path valuesFile) {

  /** {@code istio/istiod 1.30.4}: how a person recognises the chart. */
  public String display() {
    return repositoryName + "/" + chart + " " + version;
  }
}
