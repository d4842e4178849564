package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.KubeObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Kubernetes or Istio object of the platform and the file it is in.
 *
 * @param object the object: its generic tree, the position of every field and the problems typing
 *     it found (the typed model itself is dropped once read: no rule needs it, and it was most of
 *     the view's memory)
 * @param file the file, relative to the repository root; for a rendered overlay, its kustomization
 *     directory
 * @param overlay the overlay whose rendered output it comes from; empty for an object of a loose
 *     file
 * @param helm the Helm release that renders it, for an object of a chart (then {@code file} is the
 *     chart's template, {@code charts/istiod-1.30.4.tgz:templates/deployment.yaml})
 */
public record LoadedObject(
    KubeObject object, Path file, Optional<String> overlay, Optional<HelmSource> helm) {

  /** An object of a file, or of a rendered overlay. */
  public LoadedObject(KubeObject object, Path file, Optional<String> overlay) {
    this(object, file, overlay, Optional.empty());
  }

  public String kind() {
    return object.kind();
  }

  public String name() {
    return object.name().orElse("<unnamed>");
  }

  public Optional<String> namespace() {
    return object.namespace();
  }

  /** The line where the object starts; 0 for a rendered object, whose lines are not in any file. */
  public int line() {
    return overlay.isPresent() || helm.isPresent() ? 0 : object.start().line();
  }

  /**
   * The tightest line for a finding about the field at {@code path} (such as {@code
   * spec.template.spec.containers[0].securityContext}): the field, else its nearest present
   * ancestor.
   */
  public int lineOf(String path) {
    return overlay.isPresent() || helm.isPresent()
        ? 0
        : object.nearestPositionOf(FieldPath.parse(path)).line();
  }

  /** {@code Deployment alphintra/trading-api}: how a message names the object. */
  public String describe() {
    return kind() + " " + namespace().map(namespace -> namespace + "/").orElse("") + name();
  }
}
