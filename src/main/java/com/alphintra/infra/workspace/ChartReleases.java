package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Helm releases {@code up} installs for an overlay: chart versions from infra/versions.yaml,
 * our values files beside the manifests. A chart's values are {@code <chart>-values.yaml} plus,
 * when it exists, the layer of the cluster's platform, {@code <chart>-values-k3d.yaml} for the
 * local overlay or {@code <chart>-values-gke.yaml} for the GKE overlays. The Istio CNI chart must
 * have both layers (k3s keeps its CNI configuration in its own paths; GKE needs its CNI folder and
 * the ResourceQuota that lets system-node-critical pods run outside kube-system); for the
 * observability charts the layer is optional (kube-prometheus-stack has a k3d one: the storage
 * class that keeps Prometheus and Grafana data across down and up).
 *
 * <p>For a cloud overlay each chart with a {@code <chart>-values-mirror.yaml} template gets that
 * layer last, filled with the overlay's registry and the tags of the {@code mirror:} list ({@link
 * MirrorValues}): every image the release runs comes from the environment's Artifact Registry,
 * where {@code alphintra cloud images} copies them and prod's Binary Authorization admits them. The
 * local overlay keeps the charts' upstream registries.
 */
public final class ChartReleases {

  /** The platform layer of the CNI values for the local k3d cluster. */
  public static final String K3D = "k3d";

  /** The platform layer of the CNI values for the GKE environments. */
  public static final String GKE = "gke";

  /** The overlay of the local k3d cluster. */
  public static final String LOCAL_OVERLAY = "local";

  /** Where istiod, base and CNI go. */
  public static final String ISTIO_NAMESPACE = "istio-system";

  /** The ingress gateway's namespace, also its release name. */
  public static final String GATEWAY_NAMESPACE = "istio-ingress";

  /** Where the observability charts go. */
  public static final String OBSERVABILITY_NAMESPACE = "observability";

  private final Workspace workspace;
  private final PinnedVersions pins;
  private List<MirroredImage> mirror;

  public ChartReleases(Workspace workspace, PinnedVersions pins) {
    this.workspace = workspace;
    this.pins = pins;
  }

  /** The platform whose CNI values an overlay uses: k3d for {@code local}, GKE for the others. */
  public static String platformOf(String overlay) {
    return LOCAL_OVERLAY.equals(overlay) ? K3D : GKE;
  }

  /** Every release {@code up --overlay overlay} installs, in the order it installs them. */
  public List<ChartRelease> forOverlay(String overlay) {
    List<ChartRelease> releases = new ArrayList<>(istio(overlay));
    releases.addAll(observability(overlay));
    return releases;
  }

  /** base, CNI when pinned, istiod and the ingress gateway. */
  public List<ChartRelease> istio(String overlay) {
    String repository = pins.require("kubernetes.istio.charts.repository");
    Path values = workspace.kubernetes().resolve("istio/helm");
    List<ChartRelease> releases = new ArrayList<>();
    releases.add(
        release(
            "istio-base",
            ISTIO_NAMESPACE,
            "istio",
            repository,
            "base",
            pins.require("kubernetes.istio.charts.base"),
            List.of(values.resolve("base-values.yaml")),
            overlay));
    pins.find("kubernetes.istio.charts.cni")
        .ifPresent(
            version ->
                releases.add(
                    release(
                        "istio-cni",
                        ISTIO_NAMESPACE,
                        "istio",
                        repository,
                        "cni",
                        version,
                        List.of(
                            values.resolve("cni-values.yaml"),
                            values.resolve("cni-values-" + platformOf(overlay) + ".yaml")),
                        overlay)));
    releases.add(
        release(
            "istiod",
            ISTIO_NAMESPACE,
            "istio",
            repository,
            "istiod",
            pins.require("kubernetes.istio.charts.istiod"),
            List.of(values.resolve("istiod-values.yaml")),
            overlay));
    releases.add(
        release(
            GATEWAY_NAMESPACE,
            GATEWAY_NAMESPACE,
            "istio",
            repository,
            "gateway",
            pins.require("kubernetes.istio.charts.gateway"),
            List.of(values.resolve("gateway-values.yaml")),
            overlay));
    return releases;
  }

  /** kube-prometheus-stack, Jaeger and Kiali. */
  public List<ChartRelease> observability(String overlay) {
    return pinnedReleases(
        "observability.",
        workspace.kubernetes().resolve("observability/helm"),
        overlay,
        List.of(
            List.of(
                "kubePrometheusStack",
                "kube-prometheus-stack",
                OBSERVABILITY_NAMESPACE,
                "prometheus-community"),
            List.of("jaeger", "jaeger", OBSERVABILITY_NAMESPACE, "jaegertracing"),
            List.of("kiali", "kiali", OBSERVABILITY_NAMESPACE, "kiali")));
  }

  /**
   * External Secrets Operator and cert-manager, which a GKE overlay needs for its Secrets from
   * Secret Manager and its gateway certificate (the local overlay generates both itself).
   */
  public List<ChartRelease> operators(String overlay) {
    return pinnedReleases(
        "kubernetes.",
        workspace.kubernetes().resolve("operators/helm"),
        overlay,
        List.of(
            List.of("externalSecrets", "external-secrets", "external-secrets", "external-secrets"),
            List.of("certManager", "cert-manager", "cert-manager", "jetstack")));
  }

  /**
   * One release per entry (pin key under {@code prefix}, release name, namespace, repository name
   * as the upstream project calls it); chart, repository URL and version from the pins, values
   * {@link #layered} from {@code values}.
   */
  private List<ChartRelease> pinnedReleases(
      String prefix, Path values, String overlay, List<List<String>> entries) {
    List<ChartRelease> releases = new ArrayList<>();
    for (List<String> entry : entries) {
      String key = prefix + entry.get(0);
      String chart = pins.require(key + ".chart");
      releases.add(
          release(
              entry.get(1),
              entry.get(2),
              entry.get(3),
              pins.require(key + ".repository"),
              chart,
              pins.require(key + ".version"),
              layered(values, chart, overlay),
              overlay));
    }
    return releases;
  }

  /** {@code <chart>-values.yaml}, then {@code <chart>-values-<platform>.yaml} when it exists. */
  private static List<Path> layered(Path folder, String chart, String overlay) {
    Path platform = folder.resolve(chart + "-values-" + platformOf(overlay) + ".yaml");
    return Files.isRegularFile(platform)
        ? List.of(folder.resolve(chart + "-values.yaml"), platform)
        : List.of(folder.resolve(chart + "-values.yaml"));
  }

  private ChartRelease release(
      String name,
      String namespace,
      String repositoryName,
      String repositoryUrl,
      String chart,
      String version,
      List<Path> valuesFiles,
      String overlay) {
    for (Path valuesFile : valuesFiles) {
      if (!Files.isRegularFile(valuesFile)) {
        Path shown =
            valuesFile.startsWith(workspace.root())
                ? workspace.root().relativize(valuesFile)
                : valuesFile;
        throw new InputException(
            "the Helm values for " + chart + " are missing",
            valuesFile,
            "restore " + shown + " from git");
      }
    }
    return new ChartRelease(
        name,
        namespace,
        repositoryName,
        repositoryUrl,
        chart,
        version,
        valuesFiles,
        mirrorValues(valuesFiles.get(0).resolveSibling(chart + MirrorValues.SUFFIX), overlay));
  }

  /**
   * The mirror layer of a cloud overlay's release, when the chart has a template: filled with the
   * overlay's REGISTRY (cloud-outputs.env, else its committed example) and the mirror list's tags.
   */
  private Optional<MirrorValues> mirrorValues(Path template, String overlay) {
    if (LOCAL_OVERLAY.equals(overlay) || !Files.isRegularFile(template)) {
      return Optional.empty();
    }
    String registry =
        OverlayOutputs.require(
            workspace.kubernetes().resolve("overlays").resolve(overlay), "REGISTRY");
    if (mirror == null) {
      mirror = MirroredImage.list(pins);
    }
    return Optional.of(MirrorValues.fill(template, registry, mirror));
  }
}
