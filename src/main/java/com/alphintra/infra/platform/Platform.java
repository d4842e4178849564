package com.alphintra.infra.platform;

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
 * @param kustomizations the kustomizations as written: which files are patches, what each overlay
 *     includes, and where a rendered value is written
 * @param deployed the objects the single-object rules judge: every object of every rendered
 *     overlay, plus the objects of files that no rendered overlay includes, plus the objects our
 *     Helm releases render; never a patch
 * @param helm what rendering the Helm releases gave: the overlays rendered, the accepted findings
 * @param objectSets the sets of objects that are deployed together, in which references must
 *     resolve and which the rules that relate objects judge (see {@link #objectSets(KubernetesView,
 *     Map, List, HelmReleases.Result)})
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
    List<String> notes,
    Kustomizations kustomizations,
    KubernetesView deployed,
    HelmReleases.Result helm,
    List<ObjectSet> objectSets) {

  public Platform {
    objectSets = List.copyOf(objectSets);
    overlays = Map.copyOf(overlays);
    k3d = List.copyOf(k3d);
    files = List.copyOf(files);
    comments = Map.copyOf(comments);
    loadErrors = List.copyOf(loadErrors);
    notes = List.copyOf(notes);
  }

  /** A view whose object sets are those of its overlays and Helm releases. */
  public Platform(
      Path root,
      TerraformView terraform,
      KubernetesView kubernetes,
      Map<String, KubernetesView> overlays,
      List<K3dConfig> k3d,
      List<Path> files,
      Map<Path, List<SourceComment>> comments,
      List<LoadError> loadErrors,
      List<String> notes,
      Kustomizations kustomizations,
      KubernetesView deployed,
      HelmReleases.Result helm) {
    this(
        root,
        terraform,
        kubernetes,
        overlays,
        k3d,
        files,
        comments,
        loadErrors,
        notes,
        kustomizations,
        deployed,
        helm,
        objectSets(kubernetes, overlays, files, helm));
  }

  /**
   * A view without kustomizations: every object of {@code kubernetes} and the overlays is judged.
   */
  public Platform(
      Path root,
      TerraformView terraform,
      KubernetesView kubernetes,
      Map<String, KubernetesView> overlays,
      List<K3dConfig> k3d,
      List<Path> files,
      Map<Path, List<SourceComment>> comments,
      List<LoadError> loadErrors,
      List<String> notes) {
    this(
        root,
        terraform,
        kubernetes,
        overlays,
        k3d,
        files,
        comments,
        loadErrors,
        notes,
        Kustomizations.none(),
        deployed(kubernetes, overlays, Kustomizations.none()),
        HelmReleases.Result.none());
  }

  /**
   * The objects the single-object rules judge: each rendered overlay's, then the objects of files
   * that are neither a patch nor included by a rendered overlay.
   */
  public static KubernetesView deployed(
      KubernetesView kubernetes, Map<String, KubernetesView> overlays, Kustomizations kustomize) {
    List<LoadedObject> judged = new ArrayList<>();
    List<String> names = overlays.keySet().stream().sorted().toList();
    for (String name : names) {
      judged.addAll(overlays.get(name).objects());
    }
    for (LoadedObject object : kubernetes.objects()) {
      if (kustomize.isFragment(object.file())) {
        continue;
      }
      boolean rendered = false;
      for (String name : names) {
        if (kustomize.includes(name, object.file())) {
          rendered = true;
          break;
        }
      }
      if (!rendered) {
        judged.add(object);
      }
    }
    return new KubernetesView(judged, kubernetes.istioGatewayValues(), kubernetes.isComplete());
  }

  public boolean hasLoadErrors() {
    return !loadErrors.isEmpty();
  }

  /** This view with one more load error, such as a broken baseline file. */
  public Platform withLoadError(LoadError error) {
    List<LoadError> errors = new ArrayList<>(loadErrors);
    errors.add(error);
    return new Platform(
        root,
        terraform,
        kubernetes,
        overlays,
        k3d,
        files,
        comments,
        errors,
        notes,
        kustomizations,
        deployed,
        helm,
        objectSets);
  }

  /** Every overlay something was rendered for: the kustomize overlays and the Helm releases'. */
  public java.util.Set<String> renderedOverlays() {
    java.util.Set<String> all = new java.util.TreeSet<>(overlays.keySet());
    all.addAll(helm.overlays());
    return all;
  }

  /**
   * The accepted finding of {@link HelmReleases#ACCEPTED_FILE} that covers a finding of {@code
   * rule} on {@code object} located in {@code file}, when the file is a chart's template or one of
   * the values files of a Helm release (only Helm objects have findings there).
   */
  public java.util.Optional<AcceptedFinding> helmAcceptance(String rule, Path file, String object) {
    boolean helmFile =
        file.toString().contains(".tgz:")
            || helm.objects().stream()
                .flatMap(loaded -> loaded.helm().stream())
                .flatMap(source -> source.values().stream())
                .anyMatch(values -> values.file().equals(file));
    if (!helmFile) {
      return java.util.Optional.empty();
    }
    return helm.accepted().stream().filter(entry -> entry.covers(rule, object)).findFirst();
  }

  /**
   * The sets of objects that are deployed together, in which references must resolve: each rendered
   * overlay with the objects its Helm releases render; the files as written when the tree has no
   * overlay at all. Empty when overlays exist but none was rendered (kubectl missing or failing):
   * the files as written mix every overlay with patches, so cross-references between them mean
   * nothing; empty too when only a subfolder of infra/kubernetes was loaded.
   */
  public static List<ObjectSet> objectSets(
      KubernetesView kubernetes,
      Map<String, KubernetesView> overlays,
      List<Path> files,
      HelmReleases.Result helm) {
    if (!overlays.isEmpty()) {
      Map<String, List<LoadedObject>> charted = new java.util.HashMap<>();
      for (LoadedObject object : helm.objects()) {
        for (String overlay : object.helm().orElseThrow().overlays()) {
          charted.computeIfAbsent(overlay, name -> new ArrayList<>()).add(object);
        }
      }
      return overlays.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(
              entry -> {
                List<LoadedObject> fromCharts = charted.getOrDefault(entry.getKey(), List.of());
                KubernetesView view = entry.getValue();
                if (!fromCharts.isEmpty()) {
                  List<LoadedObject> all = new ArrayList<>(view.objects());
                  all.addAll(fromCharts);
                  view = new KubernetesView(all, view.istioGatewayValues(), view.isComplete());
                }
                return new ObjectSet(Optional.of(entry.getKey()), view);
              })
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
   * object of a file; for a rendered object, the line that writes the value (a patch of the
   * overlay, a component or a base, an {@code images:} entry), else the field or its nearest
   * ancestor in the file the object is written in (see {@link Kustomizations#locate}).
   */
  public SourceLocation locate(LoadedObject object, String path) {
    if (object.helm().isPresent()) {
      return object.helm().get().locate(object, path);
    }
    if (object.overlay().isEmpty()) {
      return new SourceLocation(object.file(), object.lineOf(path));
    }
    return kustomizations.locate(object.overlay().get(), object, path);
  }

  /**
   * The line of an overlay that changes the field at {@code path} of {@code rendered} from what its
   * file writes (a patch of the overlay, a component or a base, an {@code images:} entry); empty
   * for an object of a file or a chart, or a value the files write as rendered.
   */
  public Optional<SourceLocation> changeOf(LoadedObject rendered, String path) {
    return rendered.helm().isPresent() || rendered.overlay().isEmpty()
        ? Optional.empty()
        : kustomizations.changeOf(rendered.overlay().get(), rendered, path);
  }

  /**
   * The {@code $patch: delete} that removes {@code written} (an object of a file that overlay
   * {@code overlay} includes) from what the overlay renders.
   */
  public Optional<SourceLocation> deletionOf(String overlay, LoadedObject written) {
    return kustomizations.deletionOf(overlay, written);
  }

  /** Whether overlay {@code overlay} deploys the objects of {@code written}'s file. */
  public boolean includes(String overlay, LoadedObject written) {
    return written.overlay().isEmpty()
        && written.helm().isEmpty()
        && !kustomizations.isFragment(written.file())
        && kustomizations.includes(overlay, written.file());
  }

  /**
   * The sets the rules about what a namespace or a workload lacks judge: {@link #objectSets()};
   * when that is empty (no overlay rendered, or part of the Kubernetes files loaded), the objects
   * the single-object rules judge, as one set.
   */
  public List<ObjectSet> deployedSets() {
    return objectSets.isEmpty() ? List.of(new ObjectSet(Optional.empty(), deployed)) : objectSets;
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
