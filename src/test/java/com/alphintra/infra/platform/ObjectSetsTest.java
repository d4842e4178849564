package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sets cross-reference rules resolve in, where rendered objects are reported, and the workload
 * indexes.
 */
class ObjectSetsTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        replicas: 1
        template:
          metadata:
            labels:
              app.kubernetes.io/name: api
              app.kubernetes.io/version: 1.0.0
          spec:
            serviceAccountName: api
            containers:
            - name: api
              image: registry.example/api:1.0.0
      """;

  @TempDir Path root;

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Platform load(FakeProcessRunner processes) {
    return new PlatformLoader(processes).load(root.resolve("infra"));
  }

  @Test
  void withoutOverlaysTheFilesAsWrittenAreTheOneSet() throws IOException {
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.objectSets())
        .singleElement()
        .satisfies(
            set -> {
              assertThat(set.overlay()).isEmpty();
              assertThat(set.view()).isSameAs(platform.kubernetes());
            });
  }

  @Test
  void overlaysThatWereNotRenderedLeaveNoSet() throws IOException {
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);
    write("infra/kubernetes/overlays/dev/kustomization.yaml", "resources: [../../base]\n");

    assertThat(load(new FakeProcessRunner()).objectSets()).isEmpty();
  }

  @Test
  void aSubfolderOfTheKubernetesFilesLeavesNoSetAndSaysSo() throws IOException {
    write(
        "infra/kubernetes/istio/traffic/virtual-service-api.yaml",
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: api
          namespace: shop
        spec:
          hosts: [api]
        """);

    Platform platform =
        new PlatformLoader(new FakeProcessRunner()).load(root.resolve("infra/kubernetes/istio"));

    assertThat(platform.objectSets()).isEmpty();
    assertThat(platform.notes()).anySatisfy(note -> assertThat(note).contains("were not resolved"));
    assertThat(
            new PlatformLoader(new FakeProcessRunner())
                .load(root.resolve("infra/kubernetes"))
                .objectSets())
        .hasSize(1);
  }

  @Test
  void renderedObjectsAreReportedWhereTheFieldIsWritten() throws IOException {
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);
    write(
        "infra/kubernetes/overlays/dev/kustomization.yaml",
        "resources: [../../base]\npatches: [{path: replicas.yaml}]\n");
    write(
        "infra/kubernetes/overlays/dev/replicas.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          replicas: 3
        """);
    write(
        "infra/kubernetes/overlays/prod/replicas.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: api
        """);
    String rendered = DEPLOYMENT.replace("replicas: 1", "replicas: 3");
    Platform platform = load(new FakeProcessRunner().succeeds(rendered, "kubectl", "kustomize"));

    ObjectSet dev =
        platform.objectSets().stream()
            .filter(set -> set.overlay().equals(Optional.of("dev")))
            .findFirst()
            .orElseThrow();
    LoadedObject api = dev.view().ofKind("Deployment").get(0);
    assertThat(platform.locate(api, "spec.replicas"))
        .isEqualTo(new SourceLocation(Path.of("infra/kubernetes/overlays/dev/replicas.yaml"), 7));
    assertThat(platform.locate(api, "spec.template.spec.serviceAccountName"))
        .isEqualTo(new SourceLocation(Path.of("infra/kubernetes/base/api.yaml"), 14));
  }

  @Test
  void eachOverlaySetHoldsTheObjectsOfItsHelmReleasesAndNoOthers() throws Exception {
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);
    write("infra/kubernetes/overlays/dev/kustomization.yaml", "resources: [../../base]\n");
    write("infra/kubernetes/overlays/local/kustomization.yaml", "resources: [../../base]\n");
    Platform platform = load(new FakeProcessRunner().succeeds(DEPLOYMENT, "kubectl", "kustomize"));
    Path template = Path.of("charts/cni-1.30.4.tgz:templates/daemonset.yaml");
    LoadedObject cni =
        new LoadedObject(
            new com.alphintra.infra.manifest.ManifestLoader()
                .fromTextUntyped(
                    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: istio-cni-node\n"
                        + "  namespace: istio-system\n",
                    com.alphintra.infra.manifest.Origin.rendered("helm release istio-cni"))
                .objects()
                .get(0),
            template,
            Optional.empty(),
            Optional.of(new HelmSource("istio-cni", template, List.of("local"), List.of())));
    HelmReleases.Result helm =
        new HelmReleases.Result(
            List.of(cni), List.of("dev", "local"), List.of(), List.of(), List.of());

    List<ObjectSet> sets =
        Platform.objectSets(platform.kubernetes(), platform.overlays(), platform.files(), helm);

    assertThat(sets).extracting(set -> set.overlay().orElseThrow()).containsExactly("dev", "local");
    assertThat(sets.get(0).view().ofKind("DaemonSet")).isEmpty();
    assertThat(sets.get(0).view().ofKind("Deployment")).hasSize(1);
    assertThat(sets.get(1).view().ofKind("DaemonSet")).containsExactly(cni);
    assertThat(sets.get(1).view().ofKind("Deployment")).hasSize(1);
    assertThat(Platform.objectSets(platform.kubernetes(), Map.of(), platform.files(), helm))
        .as("overlays that were not rendered leave no set, whatever the charts render")
        .isEmpty();
  }

  @Test
  void workloadsAreIndexedByPodLabelsAndServiceAccount() throws IOException {
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);

    KubernetesView view = load(new FakeProcessRunner()).kubernetes();

    assertThat(view.workloadsSelectedBy("shop", Map.of("app.kubernetes.io/name", "api")))
        .hasSize(1);
    assertThat(
            view.workloadsSelectedBy(
                "shop",
                Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/version", "2.0.0")))
        .isEmpty();
    assertThat(view.workloadsSelectedBy("other", Map.of("app.kubernetes.io/name", "api")))
        .isEmpty();
    assertThat(
            view.workloadsSelectedBy(
                "shop",
                LabelSelector.of(
                        Map.of(
                            "matchExpressions",
                            List.of(
                                Map.of(
                                    "key",
                                    "app.kubernetes.io/name",
                                    "operator",
                                    "In",
                                    "values",
                                    List.of("api", "web")))))
                    .orElseThrow()))
        .hasSize(1);
    assertThat(view.workloadsRunningAs("shop", "api")).hasSize(1);
  }

  @Test
  void theIstioGatewayValuesGiveTheGatewayPodLabelsAndServiceAccount() throws IOException {
    write(
        "infra/kubernetes/istio/helm/gateway-values.yaml",
        "name: istio-ingress\nlabels:\n  team: edge\n");

    List<IstioGatewayValues> gateways =
        load(new FakeProcessRunner()).kubernetes().istioGatewayValues();

    assertThat(gateways)
        .singleElement()
        .satisfies(
            gateway -> {
              assertThat(gateway.labels())
                  .containsOnly(
                      Map.entry("app", "istio-ingress"),
                      Map.entry("istio", "ingress"),
                      Map.entry("team", "edge"));
              assertThat(gateway.serviceAccount()).contains("istio-ingress");
              assertThat(gateway.line()).isEqualTo(2);
            });
  }

  @Test
  void secretTemplatesCountOnlyUnderBaseSecrets() throws IOException {
    String template =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: shop
          annotations:
            alphintra.io/secret-template: "true"
        """;
    write("infra/kubernetes/base/secrets/db.yaml", template.formatted("db"));
    write("infra/kubernetes/base/services/other.yaml", template.formatted("other"));

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.hasSecretTemplate("shop", "db")).isTrue();
    assertThat(platform.hasSecretTemplate("shop", "other")).isFalse();
    assertThat(platform.hasSecretTemplate("other", "db")).isFalse();
  }
}
