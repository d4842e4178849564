package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.workspace.ChartRelease;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.MirroredImage;
import com.alphintra.infra.workspace.OverlayOutputs;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Helm release {@code up} installs for a cloud overlay (dev and prod: the GKE overlays differ
 * only in their registry), rendered from the real chart archives of {@code ../shared/charts} with
 * the mirror layer filled from the overlay's outputs: every image the cluster would pull is in the
 * environment's mirror ({@code REGISTRY/mirror/...}, which prod's Binary Authorization admits) and
 * on the {@code mirror:} list of infra/versions.yaml (so {@code alphintra cloud images} copies what
 * the cluster pulls). The images are read where the cluster takes them from: pod templates of every
 * workload kind, the Prometheus and Alertmanager resources the operator turns into pods, image
 * arguments of controllers (the config reloader, the ACME solver), and for {@code image: auto} (the
 * ingress gateway, every sidecar) the proxy image istiod injects. Install and upgrade hooks (the
 * admission webhook Jobs) are rendered too; {@code helm test} hooks are not, since no install runs
 * them.
 *
 * <p>The archives here may be older than the pins (Istio 1.30.3 for 1.30.4, kube-prometheus-stack
 * 88.5.3 for 91.5.0): the mirror layer sets each image's tag from the list, so the tags rendered
 * are the list's whatever the archive's defaults; what an older archive cannot show is an image the
 * pinned version adds. How the list was derived for the pinned versions is written beside it in
 * infra/versions.yaml; {@link MirrorListTest} fails when a pin moves without its entries. The
 * operators' charts (External Secrets, cert-manager) are rendered when their archives are in the
 * folder, and skipped with a note otherwise.
 */
class HelmMirrorImagesTest {

  static final List<String> OVERLAYS = List.of("dev", "prod");

  private static final Map<String, List<Rendered>> renders = new LinkedHashMap<>();
  private static final List<String> skippedReleases = new ArrayList<>();
  private static Optional<String> skipped = Optional.empty();
  private static List<MirroredImage> mirror;

  /** One release of one overlay as rendered, and the archive version it was rendered from. */
  record Rendered(String overlay, ChartRelease release, String version, String yaml) {}

  @BeforeAll
  static void render(@TempDir Path charts) throws Exception {
    try {
      ChartArchives archives = ChartArchives.copiedTo(charts);
      Optional<StandInApiServer> api = StandInApiServer.start(RenderedReleases.NAMESPACES);
      assumeTrue(
          api.isPresent(),
          "127.0.0.1:"
              + StandInApiServer.PORT
              + " is taken: the charts' lookups cannot be answered");
      try {
        Workspace workspace = new Workspace(InfraTree.repositoryRoot());
        PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
        mirror = MirroredImage.list(pins);
        ChartReleases releases = new ChartReleases(workspace, pins);
        for (String overlay : OVERLAYS) {
          List<ChartRelease> all = new ArrayList<>(releases.forOverlay(overlay));
          all.addAll(releases.operators(overlay));
          List<Rendered> rendered = new ArrayList<>();
          for (ChartRelease release : all) {
            if (!archives.has(release.chart())) {
              skippedReleases.add(overlay + ": " + release.display());
              continue;
            }
            Path unpacked =
                java.nio.file.Files.createTempDirectory(charts, overlay + "-" + release.name());
            rendered.add(
                new Rendered(
                    overlay,
                    release,
                    archives.versionOf(release.chart()),
                    archives.renderWithInstallHooks(
                        release, ChartArchives.GKE_KUBE_VERSION, unpacked)));
          }
          renders.put(overlay, rendered);
        }
      } finally {
        api.ifPresent(StandInApiServer::close);
      }
    } catch (org.opentest4j.TestAbortedException e) {
      skipped = Optional.of(e.getMessage().replaceFirst("^Assumption failed: ", ""));
    }
  }

  @BeforeEach
  void rendered() {
    assumeTrue(skipped.isEmpty(), skipped.orElse(""));
  }

  private static String registry(String overlay) {
    return OverlayOutputs.require(
        InfraTree.kubernetesDir().resolve("overlays").resolve(overlay), "REGISTRY");
  }

  @Test
  void everyReleaseOfACloudOverlayHasItsMirrorLayerExceptTheImagelessOnes() {
    for (String overlay : OVERLAYS) {
      assertThat(renders.get(overlay)).isNotEmpty();
      for (Rendered render : renders.get(overlay)) {
        boolean imageless = List.of("base", "gateway").contains(render.release().chart());
        assertThat(render.release().mirrorValues().isPresent())
            .as(overlay + ": " + render.release().display() + " has a mirror layer")
            .isEqualTo(!imageless);
      }
    }
  }

  @Test
  void everyImageACloudOverlayPullsIsInItsMirrorAndOnTheList() {
    for (String overlay : OVERLAYS) {
      Map<String, Set<String>> images = imagesOf(renders.get(overlay));
      assertThat(images).as(overlay + ": rendered images").isNotEmpty();
      assertThat(unmirrored(images, registry(overlay), mirror))
          .as(
              overlay
                  + ": images the cluster would pull that `cloud images` does not copy (rendered from "
                  + versions(overlay)
                  + "; skipped, no archive: "
                  + skippedReleases
                  + ")")
          .isEmpty();
    }
  }

  /** The mirror holds nothing no release pulls: each chart's entries are all rendered. */
  @Test
  void everyListEntryOfARenderedChartIsPulled() {
    String registry = registry("dev");
    Set<String> pulled = new TreeSet<>();
    imagesOf(renders.get("dev")).values().forEach(pulled::addAll);
    Set<String> renderedPins = new TreeSet<>();
    for (Rendered render : renders.get("dev")) {
      renderedPins.add(chartPin(render.release()));
    }
    List<String> unused = new ArrayList<>();
    for (MirroredImage image : mirror) {
      String derivation = image.derivation().orElse("");
      String key = derivation.split("\\s+")[0];
      if (derivation.contains(" ")
          && renderedPins.contains(key)
          && !pulled.contains(image.target(registry))) {
        unused.add(image.name() + " (" + image.source() + ")");
      }
    }
    assertThat(unused).as("mirror entries no rendered release pulls").isEmpty();
  }

  @Test
  void theIngressGatewayAndTheSidecarsRunTheProxyIstiodInjectsFromTheMirror() {
    for (String overlay : OVERLAYS) {
      Map<String, Set<String>> images = imagesOf(renders.get(overlay));
      assertThat(images.get("istio-ingress"))
          .as(overlay + ": the gateway's image: auto, as istiod injects it")
          .containsExactly(
              mirror.stream()
                  .filter(image -> image.name().equals("istio/proxyv2"))
                  .findFirst()
                  .orElseThrow()
                  .target(registry(overlay)));
    }
  }

  @Test
  void aRenderedImageTheListLacksFailsWithItsName() {
    Map<String, Set<String>> images = imagesOf(renders.get("dev"));
    List<MirroredImage> withoutKiali =
        mirror.stream().filter(image -> !image.name().equals("kiali")).toList();

    assertThat(unmirrored(images, registry("dev"), withoutKiali))
        .singleElement()
        .asString()
        .contains("kiali: " + registry("dev") + "/mirror/kiali:v2.24.0 is not on the mirror list");
  }

  @Test
  void anImageOutsideTheMirrorFailsWithItsName() {
    Map<String, Set<String>> images = new LinkedHashMap<>();
    images.put("jaeger", Set.of("docker.io/jaegertracing/jaeger:2.13.0"));

    assertThat(unmirrored(images, registry("dev"), mirror))
        .singleElement()
        .asString()
        .contains("jaeger: docker.io/jaegertracing/jaeger:2.13.0 is not in " + registry("dev"));
  }

  /** What is wrong with each image: outside the registry's mirror, or not on the list. */
  static List<String> unmirrored(
      Map<String, Set<String>> images, String registry, List<MirroredImage> list) {
    Set<String> copied = new LinkedHashSet<>();
    list.forEach(image -> copied.add(image.target(registry)));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> release : images.entrySet()) {
      for (String image : release.getValue()) {
        if (!image.startsWith(registry + "/mirror/")) {
          problems.add(release.getKey() + ": " + image + " is not in " + registry + "/mirror");
        } else if (!copied.contains(image)) {
          problems.add(release.getKey() + ": " + image + " is not on the mirror list");
        }
      }
    }
    return problems;
  }

  private static String chartPin(ChartRelease release) {
    return switch (release.chart()) {
      case "kube-prometheus-stack" -> "observability.kubePrometheusStack.version";
      case "jaeger" -> "observability.jaeger.version";
      case "kiali-server" -> "observability.kiali.version";
      case "external-secrets" -> "kubernetes.externalSecrets.version";
      case "cert-manager" -> "kubernetes.certManager.version";
      default -> "kubernetes.istio.charts." + release.chart();
    };
  }

  private static String versions(String overlay) {
    List<String> versions = new ArrayList<>();
    for (Rendered render : renders.get(overlay)) {
      versions.add(
          render.release().chart()
              + " "
              + render.version()
              + (render.version().equals(render.release().version())
                  ? ""
                  : " for the pinned " + render.release().version()));
    }
    return String.join(", ", new LinkedHashSet<>(versions));
  }

  /** Images by release name, as the cluster would pull them. */
  static Map<String, Set<String>> imagesOf(List<Rendered> rendered) {
    String injected = injectedProxy(rendered);
    Map<String, Set<String>> images = new LinkedHashMap<>();
    for (Rendered render : rendered) {
      Set<String> found = new TreeSet<>();
      for (Object document : InfraTree.documents(render.yaml())) {
        collect(document, found);
      }
      if (found.remove("auto")) {
        found.add(injected);
      }
      if (!found.isEmpty()) {
        images.put(render.release().name(), found);
      }
    }
    return images;
  }

  private static final List<String> IMAGE_ARGUMENTS =
      List.of("--prometheus-config-reloader=", "--acme-http01-solver-image=");

  private static void collect(Object document, Set<String> found) {
    String kind = String.valueOf(InfraTree.map(document).get("kind"));
    List<Object> podSpecs = new ArrayList<>();
    InfraTree.at(document, "spec", "template", "spec").ifPresent(podSpecs::add);
    InfraTree.at(document, "spec", "jobTemplate", "spec", "template", "spec")
        .ifPresent(podSpecs::add);
    if (kind.equals("Pod")) {
      InfraTree.at(document, "spec").ifPresent(podSpecs::add);
    }
    if (List.of("Prometheus", "Alertmanager", "ThanosRuler", "PrometheusAgent").contains(kind)) {
      InfraTree.at(document, "spec", "image").ifPresent(image -> found.add(image.toString()));
      InfraTree.at(document, "spec").ifPresent(podSpecs::add);
    }
    for (Object podSpec : podSpecs) {
      for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
        for (Object container : InfraTree.list(InfraTree.map(podSpec).get(field))) {
          Map<String, Object> fields = InfraTree.map(container);
          if (fields.get("image") != null) {
            found.add(fields.get("image").toString());
          }
          for (String listField : List.of("args", "command")) {
            for (Object argument : InfraTree.list(fields.get(listField))) {
              for (String prefix : IMAGE_ARGUMENTS) {
                if (argument.toString().startsWith(prefix)) {
                  found.add(argument.toString().substring(prefix.length()));
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * The proxy image istiod injects into every sidecar and into {@code image: auto} gateways: hub,
   * image and tag of the injector's values in ConfigMap istio-sidecar-injector.
   */
  private static String injectedProxy(List<Rendered> rendered) {
    for (Rendered render : rendered) {
      if (!render.release().chart().equals("istiod")) {
        continue;
      }
      for (Object document : InfraTree.documents(render.yaml())) {
        Map<String, Object> object = InfraTree.map(document);
        if ("ConfigMap".equals(object.get("kind"))
            && "istio-sidecar-injector".equals(InfraTree.map(object.get("metadata")).get("name"))) {
          try {
            JsonNode global =
                new ObjectMapper()
                    .readTree(InfraTree.map(object.get("data")).get("values").toString())
                    .path("global");
            String image = global.path("proxy").path("image").asText();
            return image.contains("/")
                ? image
                : global.path("hub").asText() + "/" + image + ":" + global.path("tag").asText();
          } catch (java.io.IOException e) {
            throw new AssertionError("istio-sidecar-injector's values are not JSON", e);
          }
        }
      }
    }
    return "auto (no istiod rendered to inject it)";
  }
}
