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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects our Helm releases render, for the single-object rules: every release {@code up}
 * installs for each overlay ({@link ChartReleases}), rendered with the embedded Helm of helm-java
 * from the chart archive {@code <chart>-<version>.tgz} of a charts folder (the cache {@code up}
 * fills), with our values files. Releases that are equal for several overlays render once. A
 * release whose archive is absent is skipped with a note; one that does not render is a load error.
 *
 * <p>The render never talks to a cluster: Helm's {@code lookup} would ask the current kubeconfig's
 * cluster during a template, so the values of {@link #NO_LOOKUP} switch off the chart features that
 * call it (the objects they would add depend on what a cluster holds, not on our files).
 */
public final class HelmReleases {

  /** The file of accepted findings on chart objects, relative to the repository root. */
  public static final Path ACCEPTED_FILE =
      Path.of("infra", "kubernetes", "helm-accepted-findings.yaml");

  /**
   * Values the check render adds per chart so that no template calls {@code lookup}: kiali-server
   * looks up remote-cluster Secrets, and the Namespaces its discovery selectors match to give each
   * a viewer Role; rendered with cluster-wide access instead, it gives the same rules as one
   * ClusterRole. Grafana looks up its claim's volume name.
   */
  static final Map<String, String> NO_LOOKUP =
      Map.of(
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
    List<LoadedObject> objects = new ArrayList<>();
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
        TemplateCommand template =
            new Helm(archive)
                .template()
                .withName(release.name())
                .withNamespace(release.namespace())
                .withKubeVersion(platformVersion);
        Path generated = Files.createTempDirectory("alphintra-values-");
        try {
          for (Path values : release.valuesFilesIn(generated)) {
            template = template.withValuesFile(values);
          }
          if (NO_LOOKUP.containsKey(release.chart())) {
            // a values file, last: helm-java's set() did not reach the chart's values
            Path noLookup = generated.resolve("no-lookup.yaml");
            Files.writeString(noLookup, NO_LOOKUP.get(release.chart()));
            template = template.withValuesFile(noLookup);
          }
          yaml = template.call();
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
      List<HelmSource.ValuesFile> values = new ArrayList<>();
      for (Path file : release.valuesFiles()) {
        Path relative = relative(root, file);
        List<ManifestDocument> written = documents.getOrDefault(relative, List.of());
        if (!written.isEmpty()) {
          values.add(new HelmSource.ValuesFile(relative, written.get(0)));
        }
      }
      try {
        ManifestFile rendered = new ManifestLoader().fromTextUntyped(yaml, Origin.rendered(label));
        List<YamlComment> sources =
            rendered.comments().stream()
                .filter(comment -> SOURCE.matcher(comment.text().strip()).find())
                .toList();
        for (KubeObject object : rendered.objects()) {
          Path template = Path.of("charts", archiveName + ":" + templateOf(object, sources));
          objects.add(
              new LoadedObject(
                  object,
                  template,
                  Optional.empty(),
                  Optional.of(new HelmSource(release.name(), template, renderOverlays, values))));
        }
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
    return new Result(
        objects,
        List.copyOf(overlays),
        notes,
        errors,
        AcceptedFinding.read(documents.getOrDefault(ACCEPTED_FILE, List.of())));
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
