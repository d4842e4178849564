package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one in-memory view of {@code infra/} that every rule reads: Terraform directories with their
 * evaluation contexts, Kubernetes and Istio objects (of the loose files, and of each rendered
 * overlay), k3d configurations, the comments of each file (for suppressions), and what could not be
 * loaded. Every file path is relative to {@link #root()}, every object carries its file and line.
 *
 * @param root the repository root
 * @param terraform the Terraform modules, environments and bootstrap
 * @param kubernetes the objects of the YAML files as written, indexed
 * @param overlays the objects of each kustomize overlay as {@code kubectl kustomize} renders it, by
 *     overlay name; empty when kubectl is not installed
 * @param k3d the k3d cluster configurations
 * @param files every file that was read, relative to the root, sorted
 * @param comments the comments of each file that has any
 * @param loadErrors files that could not be read or parsed; the rest of the view is complete
 *     without them
 * @param notes what a person should know about how complete the view is
 */
public record Platform(
    Path root,
    TerraformView terraform,
    KubernetesView kubernetes,
    Map<String, KubernetesView> overlays,
    List<K3dConfig> k3d,
    List<Path> files,
    Map<Path, List<SourceComment>> comments,
    List<LoadError> loadErrors,
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

  /**
   * The sets of objects that are deployed together, in which references must resolve: each rendered
   * overlay; the files as written when the tree has no overlay at all. Empty when overlays exist
   * but none was rendered (kubectl missing or failing): the files as written mix every overlay with
   * patches, so cross-references between them mean nothing; empty too when only a subfolder of
   * infra/kubernetes was loaded.
   */
  public List<ObjectSet> objectSets() {
    if (!overlays.isEmpty()) {
      return overlays.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(entry -> new ObjectSet(Optional.of(entry.getKey()), entry.getValue()))
          .toList();
    }
    boolean hasOverlays =
        files.stream()
            .anyMatch(
                file ->
                    file.getFileName().toString().equals("kustomization.yaml")
                        && overlayOf(file.getParent()).isPresent());
    return hasOverlays || !kubernetes.isComplete()
        ? List.of()
        : List.of(new ObjectSet(Optional.empty(), kubernetes));
  }

  /**
   * Where to report the field at {@code path} of {@code object}: its own file and line for an
   * object of a file; for a rendered object, the file it was rendered from, found by kind,
   * namespace and name among the files as written (a patch of the same overlay when it writes that
   * field, else the base), else the overlay's kustomization.yaml.
   */
  public SourceLocation locate(LoadedObject object, String path) {
    if (object.overlay().isEmpty()) {
      return new SourceLocation(object.file(), object.lineOf(path));
    }
    String overlay = object.overlay().get();
    List<LoadedObject> candidates =
        new ArrayList<>(kubernetes.find(object.kind(), object.namespace(), object.name()));
    if (object.namespace().isPresent()) {
      candidates.addAll(kubernetes.find(object.kind(), Optional.empty(), object.name()));
    }
    LoadedObject base = null;
    LoadedObject patch = null;
    FieldPath field = FieldPath.parse(path);
    for (LoadedObject candidate : candidates) {
      Optional<String> owner = overlayOf(candidate.file());
      if (owner.isEmpty()) {
        base = base == null ? candidate : base;
      } else if (owner.get().equals(overlay)) {
        boolean writesField = candidate.object().positionOf(field).isPresent();
        if (writesField && patch == null) {
          patch = candidate;
        } else if (base == null && !writesField) {
          base = candidate;
        }
      }
    }
    LoadedObject source = patch != null ? patch : base;
    return source == null
        ? new SourceLocation(object.file().resolve("kustomization.yaml"), 0)
        : new SourceLocation(source.file(), source.lineOf(path));
  }

  /**
   * Whether a Secret template ({@code alphintra.io/secret-template: "true"}, under {@code
   * base/secrets/}) declares the Secret: no kustomization applies templates, the tooling creates
   * their Secrets.
   */
  public boolean hasSecretTemplate(String namespace, String name) {
    return kubernetes.find("Secret", Optional.of(namespace), name).stream()
        .anyMatch(
            secret ->
                "true".equals(secret.object().annotations().get("alphintra.io/secret-template"))
                    && secret.file().getParent() != null
                    && secret.file().getParent().endsWith(Path.of("base", "secrets")));
  }

  /** The overlay a file is in ({@code .../overlays/<name>/...}), if any. */
  private static Optional<String> overlayOf(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    for (int index = 0; index + 1 < file.getNameCount(); index++) {
      if (file.getName(index).toString().equals("overlays")) {
        return Optional.of(file.getName(index + 1).toString());
      }
    }
    return Optional.empty();
  }

  /**
   * How many objects the view holds: Terraform resources and Kubernetes objects (loose and
   * rendered).
   */
  public int objectCount() {
    return terraform.resourceCount()
        + kubernetes.objects().size()
        + overlays.values().stream().mapToInt(view -> view.objects().size()).sum();
  }
}
