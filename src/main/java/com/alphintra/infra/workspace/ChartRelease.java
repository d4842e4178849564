package com.alphintra.infra.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * A Helm release to install: its name and namespace, the chart from an upstream repository pinned
 * in infra/versions.yaml, and our values files, merged in order (a later file wins), as {@code helm
 * -f a.yaml -f b.yaml} does.
 */
public record ChartRelease(
    String name,
    String namespace,
    String repositoryName,
    String repositoryUrl,
    String chart,
    String version,
    List<Path> valuesFiles) {

  public ChartRelease {
    valuesFiles = List.copyOf(valuesFiles);
  }

  /** {@code istio/istiod 1.30.4}: how a person recognises the chart. */
  public String display() {
    return repositoryName + "/" + chart + " " + version;
  }
}
