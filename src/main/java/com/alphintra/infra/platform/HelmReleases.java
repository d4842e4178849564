package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.KubeObject;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestFile;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.YamlComment;
import com.alphintra.infra.workspace.ChartCache;
import com.alphintra.infra.workspace.ChartRelease;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects our Helm releases render, for the rules: every release {@code up} installs for each
 * overlay ({@link ChartReleases}), rendered with the embedded Helm of helm-java from the chart
 * archive {@code <chart>-<version>.tgz} of a charts folder (the cache {@code up} fills), with our
 * values files. Releases that are equal for several overlays render once. A release whose archive
 * is absent is skipped with a note; one that does not render is a load error.
 *
 * <p>The render never talks to a cluster: Helm's {@code lookup} would ask the current kubeconfig's
 * cluster during a template, so the values of {@link #CHECK_VALUES} switch off the chart features
 * that call it (the objects they would add depend on what a cluster holds, not on our files).
 */
public final class HelmReleases {

  /** The file of accepted findings on chart objects, relative to the repository root. */
  public static final Path ACCEPTED_FILE =
      Path.of("infra", "kubernetes", "helm-accepted-findings.yaml");

  /**
   * Values the check render adds per chart. So that no template calls {@code lookup}: kiali-server
   * looks up remote-cluster Secrets, and the Namespaces its discovery selectors match to give each
   * a viewer Role; rendered with cluster-wide access instead, it gives the same rules as one
   * ClusterRole. Grafana looks up its claim's volume name. And istio-base's
   * CustomResourceDefinitions are left out: no rule judges them, and templating them was a third of
   * the charts' render time.
   */
  static final Map<String, String> CHECK_VALUES =
      Map.of(
          "base",
          "base:\n  enableCRDTemplates: false\n",
          "kiali-server",
          "clustering:\n  autodetect_secrets:\n    enabled: false\n"
              + "deployment:\n  cluster_wide_access: true\n",
          "kube-prometheus-stack",
          "grafana:\n  persistence:\n    lookupVolumeName: false\n");

  private static final Pattern K3S_VERSION = Pattern.compile(":(v\\d+\\.\\d+\\.\\d+)");
  private static final Pattern SOURCE = Pattern.compile("^Source:\\s*(\\S+)");

  /**
   * What rendering gave.
   *
   * @param objects every rendered object, with its {@link HelmSource}
   * @param overlays the overlays whose releases were rendered
   * @param notes the releases skipped for want of an archive
   * @param errors releases that did not render
   * @param accepted the accepted findings of {@link #ACCEPTED_FILE}
   */
  public record Result(
      List<LoadedObject> objects,
      List<String> overlays,
      List<String> notes,
      List<LoadError> errors,
      List<AcceptedFinding> accepted) {

    public static Result none() {
      return new Result(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  private HelmReleases() {}

  /**
   * Renders the releases of {@code overlays} from the archives in {@code charts}.
   *
   * @param root the repository root (holding infra/versions.yaml)
   * @param documents the YAML documents already read, by file relative to the root (the values
   *     files among them, for the lines of findings)
   */
  public static Result render(
      Path root, Path charts, List<String> overlays, Map<Path, List<ManifestDocument>> documents) {
    return template(root, charts, overlays).withValues(root, documents);
  }

  /**
   * One release rendered for some overlays, before our values files are attached (they are parsed
   * in parallel with the render): its objects, each with the chart template it comes from.
   */
  private record Rendered(
      ChartRelease release,
      List<String> overlays,
      List<KubeObject> objects,
      List<Path> templates) {}

  /**
   * What {@link #template} gave: the renders, the notes about missing archives, the releases that
   * did not render, and the overlays asked for.
   */
  public static final class Templates {

    private final List<Rendered> rendered;
    private final List<String> overlays;
    private final List<String> notes;
    private final List<LoadError> errors;

    private Templates(
        List<Rendered> rendered,
        List<String> overlays,
        List<String> notes,
        List<LoadError> errors) {
      this.rendered = List.copyOf(rendered);
      this.overlays = List.copyOf(overlays);
      this.notes = List.copyOf(notes);
      this.errors = List.copyOf(errors);
    }

    /**
     * The result, with each object's {@link HelmSource} naming our values files as read in {@code
     * documents} (by file relative to {@code root}) and the accepted findings of {@link
     * #ACCEPTED_FILE}.
     */
    public Result withValues(Path root, Map<Path, List<ManifestDocument>> documents) {
      List<LoadedObject> objects = new ArrayList<>();
      for (Rendered render : rendered) {
        List<HelmSource.ValuesFile> values = new ArrayList<>();
        for (Path file : render.release().valuesFiles()) {
          Path relative = relative(root, file);
          List<ManifestDocument> written = documents.getOrDefault(relative, List.of());
          if (!written.isEmpty()) {
            values.add(new HelmSource.ValuesFile(relative, written.get(0)));
          }
        }
        for (int index = 0; index < render.objects().size(); index++) {
          Path template = render.templates().get(index);
          objects.add(
              new LoadedObject(
                  render.objects().get(index),
                  template,
                  Optional.empty(),
                  Optional.of(
                      new HelmSource(
                          render.release().name(), template, render.overlays(), values))));
        }
      }
      return new Result(
          objects,
          overlays,
          notes,
          errors,
          AcceptedFinding.read(documents.getOrDefault(ACCEPTED_FILE, List.of())));
    }
  }

  /**
   * Renders the releases of {@code overlays} from the archives in {@code charts}, each object in
   * its release's namespace when the chart writes none (as {@code helm install -n} creates it).
   * Reads infra/versions.yaml, nothing else of the tree.
   *
   * @throws com.alphintra.infra.error.InputException when infra/versions.yaml lacks a pin
   */
  public static Templates template(Path root, Path charts, List<String> overlays) {
    return template(root, charts, overlays, Optional.empty());
  }

  /**
   * As {@link #template(Path, Path, List)}; with {@code renderCache}, a folder, each render is read
   * from and kept in the {@link HelmRenderCache} there, so an unchanged release is not templated
   * again.
   */
  public static Templates template(
      Path root, Path charts, List<String> overlays, Optional<Path> renderCache) {
    Optional<HelmRenderCache> cache = renderCache.map(HelmRenderCache::in);
    Workspace workspace = new Workspace(root);
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    ChartReleases releases = new ChartReleases(workspace, pins);
    String kubeVersion =
        pins.find("kubernetes.k3s.image")
            .map(K3S_VERSION::matcher)
            .filter(Matcher::find)
            .map(matcher -> matcher.group(1))
            .orElse("v1.35.0");
    // One render per distinct release (name, chart, version, values, platform).
    Map<List<Object>, List<String>> overlaysOf = new LinkedHashMap<>();
    Map<List<Object>, ChartRelease> byKey = new LinkedHashMap<>();
    for (String overlay : overlays) {
      String platform = ChartReleases.platformOf(overlay);
      for (ChartRelease release : releases.forOverlay(overlay)) {
        List<Object> key = List.of(release, platform);
        byKey.putIfAbsent(key, release);
        overlaysOf.computeIfAbsent(key, k -> new ArrayList<>()).add(overlay);
      }
    }
    List<Rendered> rendered = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<LoadError> errors = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (Map.Entry<List<Object>, ChartRelease> entry : byKey.entrySet()) {
      ChartRelease release = entry.getValue();
      List<String> renderOverlays = overlaysOf.get(entry.getKey()).stream().sorted().toList();
      String archiveName = release.chart() + "-" + release.version() + ".tgz";
      Path archive = ChartCache.archive(charts, release.chart(), release.version());
      if (!Files.isRegularFile(archive)) {
        missing.add(release.name() + " (" + archiveName + ")");
        continue;
      }
      String platformVersion =
          ChartReleases.K3D.equals(entry.getKey().get(1)) ? kubeVersion : kubeVersion + "-gke.1";
      String label =
          "helm release " + release.name() + ", overlays: " + String.join(", ", renderOverlays);
      String yaml;
      try {
        Path generated = Files.createTempDirectory("alphintra-values-");
        try {
          List<Path> valuesFiles = new ArrayList<>(release.valuesFilesIn(generated));
          if (CHECK_VALUES.containsKey(release.chart())) {
            // a values file, last: helm-java's set() did not reach the chart's values
            Path checkValues = generated.resolve("check-values.yaml");
            Files.writeString(checkValues, CHECK_VALUES.get(release.chart()));
            valuesFiles.add(checkValues);
          }
          Optional<String> key = Optional.empty();
          Optional<String> cached = Optional.empty();
          if (cache.isPresent()) {
            key =
                Optional.of(
                    cache
                        .get()
                        .key(
                            archive,
                            valuesFiles,
                            release.name(),
                            release.namespace(),
                            platformVersion));
            cached = cache.get().read(key.get());
          }
          if (cached.isPresent()) {
            yaml = cached.get();
          } else {
            TemplateCommand template =
                new Helm(archive)
                    .template()
                    .withName(release.name())
                    .withNamespace(release.namespace())
                    .withKubeVersion(platformVersion);
            for (Path values : valuesFiles) {
              template = template.withValuesFile(values);
            }
            yaml = template.call();
            if (cache.isPresent()) {
              cache.get().write(key.orElseThrow(), yaml);
            }
          }
        } finally {
          try (java.util.stream.Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
              Files.deleteIfExists(file);
            }
          }
          Files.deleteIfExists(generated);
        }
      } catch (java.io.IOException e) {
        errors.add(
            new LoadError(
                relative(root, release.valuesFiles().get(0)),
                0,
                0,
                "cannot render " + label + ": cannot write a temporary values file: " + e));
        continue;
      } catch (IllegalStateException e) {
        errors.add(
            new LoadError(
                relative(root, release.valuesFiles().get(0)),
                0,
                0,
                "cannot render " + label + " from " + archive + ": " + e.getMessage()));
        continue;
      }
      try {
        ManifestFile file =
            new ManifestLoader()
                .fromTextUntyped(
                    inReleaseNamespace(yaml, release.namespace()), Origin.rendered(label));
        List<YamlComment> sources =
            file.comments().stream()
                .filter(comment -> SOURCE.matcher(comment.text().strip()).find())
                .toList();
        List<Path> templates = new ArrayList<>();
        for (KubeObject object : file.objects()) {
          templates.add(Path.of("charts", archiveName + ":" + templateOf(object, sources)));
        }
        rendered.add(new Rendered(release, renderOverlays, file.objects(), templates));
      } catch (ManifestParseException e) {
        errors.add(
            new LoadError(
                relative(root, release.valuesFiles().get(0)),
                0,
                0,
                label + " renders to malformed YAML: " + e.getMessage()));
      }
    }
    if (!missing.isEmpty()) {
      notes.add(
          "no chart archive in "
              + charts
              + " for the Helm release"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + ": the objects "
              + (missing.size() == 1 ? "it renders" : "they render")
              + " were not checked (`alphintra up` saves the archives there, or pass --charts DIR)");
    }
    return new Templates(rendered, overlays, notes, errors);
  }

  /**
   * The kinds Helm creates outside any namespace; every other object a chart renders without {@code
   * metadata.namespace} lands in the release's namespace.
   */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "PriorityClass",
          "StorageClass",
          "PersistentVolume",
          "APIService",
          "IngressClass",
          "RuntimeClass",
          "CSIDriver",
          "CSINode",
          "Node",
          "ClusterIssuer",
          "ClusterSecretStore");

  private static final Pattern DOCUMENT_KIND = Pattern.compile("^kind:\\s*[\"']?([A-Za-z]+)");
  private static final Pattern CHILD = Pattern.compile("^(\\s+)\\S");

  /**
   * The rendered text as {@code helm install -n namespace} creates it: a namespaced object whose
   * template writes no {@code metadata.namespace} (jaeger's Services, for one) gets the release's.
   * Helm prints each object in block style with a top-level {@code metadata:} key, so the line is
   * added as the first key under it, with the indentation of the next one; a document of another
   * shape is left as it is.
   */
  public static String inReleaseNamespace(String rendered, String namespace) {
    String[] lines = rendered.split("\n", -1);
    StringBuilder out = new StringBuilder(rendered.length() + 256);
    int start = 0;
    for (int index = 0; index <= lines.length; index++) {
      if (index == lines.length || lines[index].startsWith("---")) {
        appendDocument(out, lines, start, index, namespace);
        if (index < lines.length) {
          out.append(lines[index]);
          if (index + 1 < lines.length) {
            out.append('\n');
          }
        }
        start = index + 1;
      }
    }
    return out.toString();
  }

  private static void appendDocument(
      StringBuilder out, String[] lines, int from, int to, String namespace) {
    String kind = null;
    int metadata = -1;
    for (int index = from; index < to; index++) {
      Matcher matcher = DOCUMENT_KIND.matcher(lines[index]);
      if (matcher.find()) {
        kind = matcher.group(1);
      } else if (lines[index].stripTrailing().equals("metadata:")) {
        metadata = index;
      }
    }
    int insertAfter = -1;
    String indent = null;
    if (kind != null && metadata >= 0 && !CLUSTER_SCOPED.contains(kind)) {
      insertAfter = metadata;
      for (int index = metadata + 1; index < to; index++) {
        String line = lines[index];
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        Matcher child = CHILD.matcher(line);
        if (!child.find()) {
          break;
        }
        if (indent == null) {
          indent = child.group(1);
        }
        if (child.group(1).equals(indent) && line.strip().startsWith("namespace:")) {
          insertAfter = -1;
          break;
        }
      }
    }
    for (int index = from; index < to; index++) {
      out.append(lines[index]);
      if (index + 1 < lines.length) {
        out.append('\n');
      }
      if (index == insertAfter) {
        out.append(indent == null ? "  " : indent)
            .append("namespace: ")
            .append(namespace)
            .append('\n');
      }
    }
  }

  /** The template of the nearest {@code # Source:} comment above the object, inside the chart. */
  private static String templateOf(KubeObject object, List<YamlComment> sources) {
    String found = "templates";
    for (YamlComment comment : sources) {
      if (comment.line() > object.start().line()) {
        break;
      }
      Matcher matcher = SOURCE.matcher(comment.text().strip());
      if (matcher.find()) {
        String source = matcher.group(1);
        int slash = source.indexOf('/');
        found = slash < 0 ? source : source.substring(slash + 1);
      }
    }
    return found;
  }

  private static Path relative(Path root, Path file) {
    return file.startsWith(root) ? root.relativize(file) : file;
  }
}
