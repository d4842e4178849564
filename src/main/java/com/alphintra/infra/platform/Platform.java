package com.alphintra.infra.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one in-memory view of {@code infra/} that every rule reads: Terraform directories with their
 * evaluation contexts, Kubernetes and Istio objects (of the loose files, and of each rendered overlay), k3d
 * configurations, the comments of each file (for suppressions), and what could not be loaded. Every file
 * path is relative to {@link #root()}, every object carries its file and line.
 *
 * @param root the repository root
 * @param terraform the Terraform modules, environments and bootstrap
 * @param kubernetes the objects of the YAML files as written, indexed
 * @param overlays the objects of each kustomize overlay as {@code kubectl kustomize} renders it, by overlay
 *     name; empty when kubectl is not installed
 * @param k3d the k3d cluster configurations
 * @param files every file that was read, relative to the root, sorted
 * @param comments the comments of each file that has any
 * @param loadErrors files that could not be read or parsed; the rest of the view is complete without them
 * @param notes what a person should know about how complete the view is
 */
public record Platform(
    Path root, TerraformView terraform, KubernetesView kubernetes, Map<String, KubernetesView> overlays,
    List<K3dConfig> k3d, List<Path> files, Map<Path, List<SourceComment>> comments, List<LoadError> loadErrors,
    List<String> notes) {

  public Platform {
    overlays = Map.copyOf(overlays);
    k3d = List.copyOf(k3d);
    files = List.copyOf(files);
    comments = Map.copyOf(comments);
    loadErrors = List.copyOf(loadErrors);
    notes = List.copyOf(notes);
  }

  public boolean hasLoadErrors() {
    return !loadErrors.isEmpty();
  }

  /** This view with one more load error, such as a broken baseline file. */
  public Platform withLoadError(LoadError error) {
    List<LoadError> errors = new ArrayList<>(loadErrors);
    errors.add(error);
    return new Platform(root, terraform, kubernetes, overlays, k3d, files, comments, errors, notes);
  }

  /** How many objects the view holds: Terraform resources and Kubernetes objects (loose and rendered). */
  public int objectCount() {
    return terraform.resourceCount() + kubernetes.objects().size()
        + overlays.values().stream().mapToInt(view -> view.objects().size()).sum();
  }
}
