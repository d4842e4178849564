package com.alphintra.infra.manifest.k3d;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.Position;
import java.util.List;
import java.util.Objects;

/**
 * A k3d config as read from its document: the model (fields with problems left out) and the
 * problems, each with its line.
 *
 * @param document the document the config was read from, for positions
 * @param config the config; fields that had problems are absent from it
 * @param problems unknown fields, wrong types and invalid values
 */
public record K3dConfigFile(
    ManifestDocument document, K3dConfig config, List<ManifestProblem> problems) {

  public K3dConfigFile {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(config, "config");
    problems = List.copyOf(problems);
  }

  /** Whether k3d would reject the file. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(ManifestProblem::isError);
  }

  /**
   * Where the field at {@code path} (or its nearest present ancestor) is, such as a {@link
   * HostPortClaim}'s.
   */
  public Position positionOf(FieldPath path) {
    return document.nearestPositionOf(path);
  }
}
