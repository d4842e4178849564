package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleRegistry;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.KubeObject;
import com.alphintra.infra.manifest.ManifestFile;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformView;
import com.alphintra.infra.workspace.ChartRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Every Helm release {@code up} installs, rendered as {@code up} installs it (release name,
 * namespace, values files in order) against the real chart archives of {@code ../shared/charts}: it
 * renders, each values key does something, no rendered object repeats a key, and our own Kubernetes
 * rules and schema validation accept what the charts make of our values. The messages name the
 * chart version rendered, which may differ from the pin in infra/versions.yaml.
 */
class HelmReleasesRenderTest {

  /**
   * Values paths (or their prefixes) that the charts take as free-form maps or lists and pass on
   * whole (toYaml), so their keys are not in the chart's defaults.
   */
  static final Map<String, String> FREE_FORM =
      Map.ofEntries(
          Map.entry(
              "istiod/meshConfig",
              "Istio's MeshConfig, written whole into the istio ConfigMap; its fields are the API's"),
          Map.entry(
              "istiod/pilot.env",
              "environment variables of istiod, any name; the chart writes them all"),
          Map.entry(
              "kube-prometheus-stack/prometheus.prometheusSpec.storageSpec",
              "the Prometheus CR's storage spec, copied whole (a StorageSpec of the operator's API)"),
          Map.entry(
              "kiali-server/external_services",
              "the chart writes its values whole into Kiali's config.yaml: Kiali's configuration, not"
                  + " the chart's"),
          Map.entry(
              "kiali-server/istio_namespace",
              "the chart writes its values whole into Kiali's config.yaml: Kiali's configuration, not"
                  + " the chart's"),
          Map.entry(
              "kube-prometheus-stack/grafana.additionalDataSources",
              "Grafana data source definitions, written whole into the provisioning file"));

  private static RenderedReleases releases;

  private static Optional<String> skipped = Optional.empty();

  @BeforeAll
  static void render(@TempDir Path charts) throws Exception {
    try {
      releases = new RenderedReleases(ChartArchives.copiedTo(charts));
    } catch (org.opentest4j.TestAbortedException e) {
      // reported on each test, where surefire shows the reason (it drops a class-level one)
      skipped = Optional.of(e.getMessage().replaceFirst("^Assumption failed: ", ""));
    }
  }

  @org.junit.jupiter.api.BeforeEach
  void rendered() {
    org.junit.jupiter.api.Assumptions.assumeTrue(skipped.isEmpty(), skipped.orElse(""));
  }

  @Test
  void everyReleaseRenders() {
    List<String> failures = new ArrayList<>();
    for (RenderedReleases.Render render : releases.all()) {
      render.error().ifPresent(error -> failures.add(render.label() + ": " + error));
    }
    assertThat(failures).as("releases that do not render").isEmpty();
  }

  @Test
  void noRenderedObjectRepeatsAKey() {
    List<String> failures = new ArrayList<>();
    for (RenderedReleases.Render render : releases.all()) {
      render
          .yaml()
          .ifPresent(
              yaml -> {
                try {
                  new ManifestLoader().fromText(yaml, Origin.rendered(render.label()));
                } catch (ManifestParseException e) {
                  failures.add(render.label() + ": " + e.getMessage());
                }
              });
    }
    assertThat(failures).as("rendered releases with a repeated key").isEmpty();
  }

  @Test
  void everyValuesKeyIsOneTheChartReads() {
    List<String> failures = new ArrayList<>();
    Map<String, ChartValues> charts = new TreeMap<>();
    for (RenderedReleases.Render render : releases.all()) {
      ChartRelease release = render.release();
      ChartValues chart =
          charts.computeIfAbsent(
              release.chart(), name -> ChartValues.of(releases.archives().files(name)));
      List<Path> files = new ArrayList<>(release.valuesFiles());
      // the cloud overlays' mirror layer, as written (its placeholders are values, not keys)
      release.mirrorValues().ifPresent(mirror -> files.add(mirror.template()));
      for (Path file : files) {
        Map<String, Object> values = ChartValues.load(read(file));
        for (List<String> path : ChartValues.leaves(values)) {
          String dotted = String.join(".", path);
          if (!chart.knows(path) && freeFormReason(release.chart(), dotted).isEmpty()) {
            failures.add(
                InfraTree.repositoryRoot().relativize(file)
                    + ": "
                    + dotted
                    + " is neither a value of "
                    + release.chart()
                    + " "
                    + render.renderedVersion()
                    + " nor read by its templates");
          }
        }
      }
    }
    assertThat(failures.stream().distinct().toList())
        .as("values keys that do nothing (or add them to FREE_FORM with the reason)")
        .isEmpty();
  }

  @Test
  void ourKubernetesRulesAcceptTheRenderedObjects() throws Exception {
    List<Rule> rules =
        RuleRegistry.builtIn().rules().stream()
            .filter(rule -> rule.info().target() == Target.K8S)
            .toList();
    List<String> failures = new ArrayList<>();
    for (String overlay : RenderedReleases.OVERLAYS) {
      Platform platform = platformOf(overlay);
      for (Rule rule : rules) {
        for (Finding finding : rule.check(platform)) {
          if (RenderedFindings.acceptance(finding).isEmpty()) {
            failures.add(
                overlay + ": " + finding.file() + ": " + finding.rule() + ": " + finding.message());
          }
        }
      }
    }
    assertThat(failures.stream().distinct().sorted().toList())
        .as(
            "findings on rendered chart objects (fix the values, or accept one in RenderedFindings)")
        .isEmpty();
  }

  @Test
  void istioCniUsesThePlatformOfTheOverlay() throws Exception {
    List<KubeObject> local = objects(releases.get("local", "istio-cni"));
    List<KubeObject> gke = objects(releases.get("dev", "istio-cni"));

    assertThat(quotas(local)).as("k3d: no ResourceQuota").isEmpty();
    assertThat(text(releases.get("local", "istio-cni")))
        .contains("/var/lib/rancher/k3s/agent/etc/cni/net.d");
    assertThat(quotas(gke))
        .as("GKE: the quota that admits system-node-critical pods in istio-system")
        .singleElement()
        .satisfies(
            quota -> {
              assertThat(quota.namespace()).contains("istio-system");
              assertThat(
                      quota
                          .document()
                          .valueAt(
                              com.alphintra.infra.manifest.FieldPath.parse(
                                  "spec.scopeSelector.matchExpressions[0].values[0]")))
                  .contains("system-node-critical");
            });
    assertThat(text(releases.get("dev", "istio-cni")))
        .contains("/home/kubernetes/bin")
        .doesNotContain("/var/lib/rancher");
  }

  private static List<KubeObject> quotas(List<KubeObject> objects) {
    return objects.stream().filter(object -> object.kind().equals("ResourceQuota")).toList();
  }

  private static String text(RenderedReleases.Render render) {
    return render.yaml().orElseThrow(() -> new AssertionError(render.label() + " did not render"));
  }

  static List<KubeObject> objects(RenderedReleases.Render render) throws ManifestParseException {
    ManifestFile file =
        new ManifestLoader().fromText(text(render), Origin.rendered(render.label()));
    return file.objects();
  }

  /** The rendered objects of every release of the overlay as one platform, as they are deployed. */
  static Platform platformOf(String overlay) throws ManifestParseException {
    List<LoadedObject> objects = new ArrayList<>();
    for (RenderedReleases.Render render : releases.all()) {
      if (render.overlay().equals(overlay) && render.yaml().isPresent()) {
        Path file = Path.of("helm", render.release().chart() + "-" + render.renderedVersion());
        String installed = inReleaseNamespace(text(render), render.release().namespace());
        for (KubeObject object :
            new ManifestLoader().fromText(installed, Origin.rendered(render.label())).objects()) {
          objects.add(new LoadedObject(object, file, Optional.empty()));
        }
      }
    }
    return new Platform(
        InfraTree.repositoryRoot(),
        TerraformView.empty(),
        new KubernetesView(objects),
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }

  /**
   * The rendered text as {@code helm install -n NAMESPACE} stores it: many chart templates leave
   * {@code metadata.namespace} out (jaeger's Services, for one), and Helm then creates the object
   * in the release's namespace. Cluster-scoped kinds keep none.
   */
  static String inReleaseNamespace(String rendered, String namespace) {
    Load load = new Load(LoadSettings.builder().build());
    Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
    StringBuilder out = new StringBuilder();
    for (Object document : load.loadAllFromString(rendered)) {
      if (!(document instanceof Map<?, ?> map)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      if (object.get("metadata") instanceof Map<?, ?> metadata
          && !metadata.containsKey("namespace")
          && !CLUSTER_SCOPED.contains(String.valueOf(object.get("kind")))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> writable = (Map<String, Object>) metadata;
        writable.put("namespace", namespace);
      }
      out.append("---\n").append(dump.dumpToString(object));
    }
    return out.toString();
  }

  private static final java.util.Set<String> CLUSTER_SCOPED =
      java.util.Set.of(
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
          "CSIDriver");

  private static Optional<String> freeFormReason(String chart, String dotted) {
    return FREE_FORM.entrySet().stream()
        .filter(
            entry ->
                entry.getKey().startsWith(chart + "/")
                    && (dotted + ".")
                        .startsWith(entry.getKey().substring(chart.length() + 1) + "."))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
