package com.alphintra.infra.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Helm release to install: its name and namespace, the chart from an upstream repository pinned
 * in infra/versions.yaml, and our values files, merged in order (a later file wins), as {@code helm
 * -f a.yaml -f b.yaml} does. A cloud overlay's release adds, last, the layer that points the
 * chart's images at the environment's mirror ({@link MirrorValues}), filled from the overlay's
 * outputs.
 */
public record ChartRelease(
    String name,
    String namespace,
    String repositoryName,
    String repositoryUrl,
    String chart,
    String version,
    List<Path> valuesFiles,
    Optional<MirrorValues> mirrorValues) {

  public ChartRelease {
    valuesFiles = List.copyOf(valuesFiles);
  }

  /** {@code istio/istiod 1.30.4}: how a person recognises the chart. */
  public String display() {
    return repositoryName + "/" + chart + " " + version;
  }

  /**
   * The values files to hand to Helm, in order: ours, then the mirror layer written into {@code
   * folder} (a temporary folder the caller deletes).
   */
  public List<Path> valuesFilesIn(Path folder) throws IOException {
    List<Path> files = new ArrayList<>(valuesFiles);
    if (mirrorValues.isPresent()) {
      Path written = folder.resolve(name + "-" + mirrorValues.get().template().getFileName());
      Files.writeString(written, mirrorValues.get().text());
      files.add(written);
    }
    return files;
  }
}
