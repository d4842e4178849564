package com.alphintra.infra.repository;

import com.alphintra.infra.workspace.ChartRelease;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every Helm release {@code up} installs, for the local overlay (k3d) and a GKE overlay (dev),
 * rendered once against the archives: the releases are the same for every GKE overlay, and local
 * and GKE differ only in the CNI platform layer.
 */
final class RenderedReleases {

  /** The overlays whose releases differ: local (k3d) and one GKE environment. */
  static final List<String> OVERLAYS = List.of("local", "dev");

  /**
   * One release of one overlay and what rendering it gave.
   *
   * @param yaml the rendered manifests; empty when the chart did not render
   * @param error Helm's message when it did not
   */
  record Render(
      String overlay,
      ChartRelease release,
      String renderedVersion,
      Optional<String> yaml,
      Optional<String> error) {

    String label() {
      return overlay
          + ": "
          + release.namespace()
          + "/"
          + release.name()
          + " ("
          + release.chart()
          + " "
          + renderedVersion
          + ", pinned "
          + release.version()
          + ")";
    }
  }

  private final ChartArchives archives;
  private final Map<String, Render> renders = new LinkedHashMap<>();

  /**
   * The namespaces that exist when {@code up} installs the charts (base/namespace.yaml,
   * kube-system).
   */
  static final List<String> NAMESPACES =
      List.of(
          "kube-system",
          "default",
          "alphintra",
          "alphintra-data",
          "observability",
          "istio-system",
          "istio-ingress");

  RenderedReleases(ChartArchives archives) throws java.io.IOException {
    this.archives = archives;
    Optional<StandInApiServer> api = StandInApiServer.start(NAMESPACES);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        api.isPresent(),
        "127.0.0.1:"
            + StandInApiServer.PORT
            + " is taken: the charts' lookup calls (kiali-server, grafana) cannot be answered, so"
            + " the releases are not rendered");
    try {
      renderAll();
    } finally {
      api.ifPresent(StandInApiServer::close);
    }
  }

  private void renderAll() {
    for (String overlay : OVERLAYS) {
      for (ChartRelease release : releases(overlay)) {
        String version = archives.versionOf(release.chart());
        Render render;
        try {
          render =
              new Render(
                  overlay,
                  release,
                  version,
                  Optional.of(archives.render(release, kubeVersion(overlay))),
                  Optional.empty());
        } catch (IllegalStateException e) {
          render =
              new Render(
                  overlay,
                  release,
                  version,
                  Optional.empty(),
                  Optional.of(String.valueOf(e.getMessage())));
        }
        renders.put(overlay + "/" + release.name(), render);
      }
    }
  }

  /**
   * The releases {@code up --overlay overlay} installs, in its order, read as {@code up} reads
   * them.
   */
  static List<ChartRelease> releases(String overlay) {
    Path root = InfraTree.repositoryRoot();
    Workspace workspace = new Workspace(root);
    return new ChartReleases(workspace, PinnedVersions.read(workspace.versionsFile()))
        .forOverlay(overlay);
  }

  /** The API server's version as the charts see it: k3s locally, GKE for the cloud overlays. */
  static String kubeVersion(String overlay) {
    return "local".equals(overlay) ? ChartArchives.KUBE_VERSION : ChartArchives.GKE_KUBE_VERSION;
  }

  ChartArchives archives() {
    return archives;
  }

  List<Render> all() {
    return new ArrayList<>(renders.values());
  }

  Render get(String overlay, String release) {
    Render render = renders.get(overlay + "/" + release);
    if (render == null) {
      throw new IllegalArgumentException("no release " + release + " for overlay " + overlay);
    }
    return render;
  }
}
