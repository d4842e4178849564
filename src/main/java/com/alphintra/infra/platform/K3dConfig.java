package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A k3d cluster configuration ({@code apiVersion: k3d.io/...}).
 *
 * @param file the file, relative to the repository root
 * @param document its content, with the position of every field
 */
public record K3dConfig(Path file, ManifestDocument document) {

  /** The value at a path such as {@code kubeAPI.hostIP} or {@code ports[0].port}. */
  public Optional<Object> valueAt(String path) {
    return document.valueAt(FieldPath.parse(path));
  }

  /** The tightest line for a finding about the field at {@code path}. */
  public int lineOf(String path) {
    return document.nearestPositionOf(FieldPath.parse(path)).line();
  }
}
