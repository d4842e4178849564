package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.k3d.K3dConfigReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A k3d cluster configuration ({@code apiVersion: k3d.io/...}) in the platform view: the file and
 * the document with the position of every field, and the one typed k3d model read from it ({@link
 * com.alphintra.infra.manifest.k3d.K3dConfig}, the same model {@code up} reads).
 *
 * @param file the file, relative to the repository root
 * @param document its content, with the position of every field
 * @param model the typed model (fields with problems left out)
 */
public record K3dConfig(
    Path file, ManifestDocument document, com.alphintra.infra.manifest.k3d.K3dConfig model) {

  /** Reads the typed model from the document. */
  public K3dConfig(Path file, ManifestDocument document) {
    this(file, document, new K3dConfigReader().read(document).config());
  }

  /** The value at a path such as {@code kubeAPI.hostIP} or {@code ports[0].port}. */
  public Optional<Object> valueAt(String path) {
    return document.valueAt(FieldPath.parse(path));
  }

  /** The tightest line for a finding about the field at {@code path}. */
  public int lineOf(String path) {
    return document.nearestPositionOf(FieldPath.parse(path)).line();
  }
}
