package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.workspace.ChartRelease;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which releases up installs for an overlay, and the values files each gets. */
class ChartReleasesTest {

  @TempDir Path root;
  private ChartReleases releases;

  @BeforeEach
  void checkout() throws Exception {
    Path versions = root.resolve("infra/versions.yaml");
    Files.createDirectories(versions.getParent());
    Files.writeString(
        versions,
        """
        kubernetes:
          istio:
            charts: {repository: "https://istio", base: "1.30.4", istiod: "1.30.4", gateway: "1.30.4", cni: "1.30.4"}
        observability:
          kubePrometheusStack: {repository: "https://prom", chart: "kube-prometheus-stack", version: "91.5.0"}
          jaeger: {repository: "https://jaeger", chart: "jaeger", version: "4.1.0"}
          kiali: {repository: "https://kiali", chart: "kiali-server", version: "2.24.0"}
        """);
    for (String file :
        List.of(
            "istio/helm/base-values.yaml",
            "istio/helm/cni-values.yaml",
            "istio/helm/cni-values-k3d.yaml",
            "istio/helm/cni-values-gke.yaml",
            "istio/helm/istiod-values.yaml",
            "istio/helm/gateway-values.yaml",
            "observability/helm/kube-prometheus-stack-values.yaml",
            "observability/helm/kube-prometheus-stack-values-k3d.yaml",
            "observability/helm/jaeger-values.yaml",
            "observability/helm/kiali-server-values.yaml")) {
      Path values = root.resolve("infra/kubernetes").resolve(file);
      Files.createDirectories(values.getParent());
      Files.writeString(values, "{}\n");
    }
    Workspace workspace = new Workspace(root);
    releases = new ChartReleases(workspace, PinnedVersions.read(workspace.versionsFile()));
  }

  private List<String> cniValues(String overlay) {
    return valuesOf(overlay, "cni");
  }

  private List<String> valuesOf(String overlay, String chart) {
    return releases.forOverlay(overlay).stream()
        .filter(release -> release.chart().equals(chart))
        .findFirst()
        .orElseThrow()
        .valuesFiles()
        .stream()
        .map(file -> root.relativize(file).toString())
        .toList();
  }

  @Test
  void theLocalOverlayGetsTheK3dCniLayerAndTheCloudOverlaysTheGkeOne() {
    assertThat(cniValues("local"))
        .containsExactly(
            "infra/kubernetes/istio/helm/cni-values.yaml",
            "infra/kubernetes/istio/helm/cni-values-k3d.yaml");
    for (String overlay : List.of("dev", "staging", "prod")) {
      assertThat(cniValues(overlay))
          .containsExactly(
              "infra/kubernetes/istio/helm/cni-values.yaml",
              "infra/kubernetes/istio/helm/cni-values-gke.yaml");
    }
  }

  @Test
  void anOptionalPlatformLayerIsUsedWhereItExists() {
    assertThat(valuesOf("local", "kube-prometheus-stack"))
        .containsExactly(
            "infra/kubernetes/observability/helm/kube-prometheus-stack-values.yaml",
            "infra/kubernetes/observability/helm/kube-prometheus-stack-values-k3d.yaml");
    assertThat(valuesOf("dev", "kube-prometheus-stack"))
        .containsExactly("infra/kubernetes/observability/helm/kube-prometheus-stack-values.yaml");
    assertThat(valuesOf("local", "jaeger"))
        .containsExactly("infra/kubernetes/observability/helm/jaeger-values.yaml");
  }

  @Test
  void everyReleaseInInstallOrder() {
    assertThat(releases.forOverlay("local").stream().map(ChartRelease::name))
        .containsExactly(
            "istio-base",
            "istio-cni",
            "istiod",
            "istio-ingress",
            "kube-prometheus-stack",
            "jaeger",
            "kiali");
  }

  @Test
  void aMissingPlatformLayerNamesTheFile() throws Exception {
    Files.delete(root.resolve("infra/kubernetes/istio/helm/cni-values-gke.yaml"));

    assertThatThrownBy(() -> releases.istio("dev"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the Helm values for cni are missing");
    assertThat(releases.istio("local")).hasSize(4);
  }

  private void mirrorLayerAndList() throws Exception {
    Files.writeString(
        root.resolve("infra/kubernetes/istio/helm/istiod-values-mirror.yaml"),
        "global:\n  hub: ${mirror}/istio\n  tag: ${tag:istio/pilot}\n");
    Files.writeString(
        root.resolve("infra/versions.yaml"),
        "mirror:\n"
            + "  istio/pilot: {source: \"docker.io/istio/pilot:1.30.4\","
            + " chart: \"kubernetes.istio.charts.istiod 1.30.4\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    Workspace workspace = new Workspace(root);
    releases = new ChartReleases(workspace, PinnedVersions.read(workspace.versionsFile()));
  }

  private ChartRelease istiod(String overlay) {
    return releases.istio(overlay).stream()
        .filter(release -> release.chart().equals("istiod"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCloudOverlaysReleaseGetsTheMirrorLayerFilledFromItsOutputs() throws Exception {
    mirrorLayerAndList();
    Path overlay = root.resolve("infra/kubernetes/overlays/dev");
    Files.createDirectories(overlay);
    Files.writeString(
        overlay.resolve("cloud-outputs.env.example"),
        "SOURCE=example\nREGISTRY=us-east4-docker.pkg.dev/example/alphintra\n");
    Files.writeString(
        overlay.resolve("cloud-outputs.env"),
        "# written by alphintra cloud outputs\nREGISTRY=europe-west2-docker.pkg.dev/acme/alphintra\n");

    ChartRelease release = istiod("dev");

    assertThat(release.mirrorValues())
        .hasValueSatisfying(
            layer -> {
              assertThat(layer.registry()).isEqualTo("europe-west2-docker.pkg.dev/acme/alphintra");
              assertThat(layer.text())
                  .isEqualTo(
                      "global:\n  hub: europe-west2-docker.pkg.dev/acme/alphintra/mirror/istio\n"
                          + "  tag: 1.30.4\n");
            });
    List<Path> written = release.valuesFilesIn(root);
    assertThat(written)
        .hasSize(2)
        .last()
        .satisfies(file -> assertThat(file).hasContent(release.mirrorValues().get().text()));
    assertThat(istiod("local").mirrorValues()).as("local pulls upstream").isEmpty();
    assertThat(istiod("local").valuesFilesIn(root)).hasSize(1);
  }

  @Test
  void anOverlayWithoutOutputsUsesItsExampleAndWithoutEitherIsRefused() throws Exception {
    mirrorLayerAndList();
    Path overlay = root.resolve("infra/kubernetes/overlays/prod");
    Files.createDirectories(overlay);

    assertThatThrownBy(() -> istiod("prod"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("overlay prod has no cloud-outputs.env")
        .satisfies(
            e ->
                assertThat(((InputException) e).hint())
                    .contains("alphintra cloud outputs --env prod"));

    Files.writeString(overlay.resolve("cloud-outputs.env.example"), "SOURCE=example\n");
    assertThatThrownBy(() -> istiod("prod"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("has no REGISTRY");

    Files.writeString(
        overlay.resolve("cloud-outputs.env.example"),
        "SOURCE=example\nREGISTRY=us-east4-docker.pkg.dev/alphintra-prod/alphintra\n");
    assertThat(istiod("prod").mirrorValues())
        .hasValueSatisfying(
            layer -> assertThat(layer.text()).contains("alphintra-prod/alphintra/mirror/istio"));
  }
}
