package com.alphintra.infra.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLoaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/manifest");
  private static final ManifestLoader LOADER = new ManifestLoader();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "deployment-unknown-field.yaml           | io.fabric8.kubernetes.api.model.apps.Deployment                    | spec.template.spec.containers[0].securityContex | 18",
        "service-unknown-field.yaml              | io.fabric8.kubernetes.api.model.Service                           | spec.ports[0].protocl                           | 12",
        "network-policy-unknown-field.yaml       | io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy       | spec.ingress[0].from[0].namespaceSelecter       | 15",
        "virtual-service-unknown-field.yaml      | io.fabric8.istio.api.networking.v1.VirtualService                 | spec.http[0].route[0].wieght                    | 15",
        "destination-rule-unknown-field.yaml     | io.fabric8.istio.api.networking.v1.DestinationRule                | spec.trafficPolicy.connectionPool.tcp.maxConnectionz | 13",
        "gateway-unknown-field.yaml              | io.fabric8.istio.api.networking.v1.Gateway                        | spec.servers[0].tls.cipherSuits                 | 18",
        "authorization-policy-unknown-field.yaml | io.fabric8.istio.api.security.v1.AuthorizationPolicy              | spec.rules[0].to[0].operation.path              | 18",
        "peer-authentication-unknown-field.yaml  | io.fabric8.istio.api.security.v1.PeerAuthentication               | spec.mtls.strict                                | 9",
        "sidecar-unknown-field.yaml              | io.fabric8.istio.api.networking.v1.Sidecar                        | spec.outboundTrafficPolicy.allow                | 13",
        "telemetry-unknown-field.yaml            | io.fabric8.istio.api.telemetry.v1.Telemetry                       | spec.tracing[0].samplingRate                    | 11",
        "prometheus-rule-unknown-field.yaml      | io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule       | spec.groups[0].rules[0].anotations              | 15",
      })
  void anUnknownFieldIsAProblemNamingItsPathAndLine(
      String fixture, String modelClass, String path, int line) throws Exception {
    ManifestFile file = LOADER.fromFile(FIXTURES.resolve("typed").resolve(fixture));

    assertThat(file.objects()).hasSize(1);
    KubeObject object = file.objects().get(0);
    assertThat(object.typed())
        .get()
        .extracting(model -> model.getClass().getName())
        .isEqualTo(modelClass);
    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.UNKNOWN_FIELD);
              assertThat(problem.path()).hasToString(path);
              assertThat(problem.position().line()).isEqualTo(line);
              assertThat(problem.message())
                  .contains("unknown field \"" + path.substring(path.lastIndexOf('.') + 1) + "\"");
              assertThat(problem.toString())
                  .startsWith(FIXTURES.resolve("typed").resolve(fixture) + ":" + line + ":");
            });
    assertThat(file.hasErrors()).isTrue();
  }

  @Test
  void validObjectsOfEveryModelledGroupHaveNoProblems() throws Exception {
    ManifestFile file = LOADER.fromFile(FIXTURES.resolve("typed/valid-mixed.yaml"));

    assertThat(file.problems()).isEmpty();
    assertThat(file.objects())
        .extracting(object -> object.typed().orElseThrow().getClass().getSimpleName())
        .containsExactly(
            "VirtualService",
            "AuthorizationPolicy",
            "ServiceMonitor",
            "ConfigMap",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Role",
            "Telemetry",
            "Deployment");
    VirtualService virtualService = file.objects().get(0).typed(VirtualService.class).orElseThrow();
    assertThat(
            virtualService.getSpec().getHttp().get(0).getRoute().get(0).getDestination().getHost())
        .isEqualTo("api");
    assertThat(
            file.objects()
                .get(8)
                .typed(Deployment.class)
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getResources()
                .getRequests()
                .get("cpu")
                .toString())
        .isEqualTo("100m");
  }

  @Test
  void aWrongTypeIsAProblemAtItsFieldAndTheObjectHasNoModel() throws Exception {
    ManifestFile file = LOADER.fromFile(FIXTURES.resolve("typed/deployment-wrong-type.yaml"));

    KubeObject object = file.objects().get(0);
    assertThat(object.typed()).isEmpty();
    assertThat(object.kind()).isEqualTo("Deployment");
    assertThat(object.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.WRONG_TYPE);
              assertThat(problem.path()).hasToString("spec.replicas");
              assertThat(problem.position()).isEqualTo(new Position(6, 3));
              assertThat(problem.message())
                  .isEqualTo(
                      "wrong type for spec.replicas: expected an integer, found text \"three\"");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port: \"80\"                  | spec.ports[0].port   | expected an integer, found text \"80\"",
        "port: 80\\n      name: 8080   | spec.ports[0].name   | expected text, found number 8080",
        "port: 80.5                    | spec.ports[0].port   | expected an integer, found number 80.5",
        "port: 80\\n      appProtocol: [h2] | spec.ports[0].appProtocol | expected text, found a sequence",
      })
  void typesAreAsStrictAsTheApiServer(String portEntry, String path, String expected)
      throws Exception {
    String yaml =
        """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  ports:
                    - %s
                """
            .formatted(portEntry.replace("\\n", "\n"));
    ManifestFile file = LOADER.fromText(yaml, Origin.rendered("t"));

    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.WRONG_TYPE);
              assertThat(problem.path()).hasToString(path);
              assertThat(problem.message()).endsWith(expected);
            });
  }

  @Test
  void anUnknownFieldIsFoundEvenWhenItsValueIsEmpty() throws Exception {
    ManifestFile file =
        LOADER.fromText(
            """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: deny-all
                spec:
                  rules: []
                  rule: []
                """,
            Origin.rendered("t"));

    assertThat(file.problems())
        .extracting(ManifestProblem::toString)
        .containsExactly("t:7:3: unknown field \"rule\" in spec");
  }

  @Test
  void anEnumValueTheModelDoesNotKnowIsAnInvalidValueNotAnUnknownField() throws Exception {
    ManifestFile file =
        LOADER.fromText(
            """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: a
                spec:
                  action: ALLOW_ALL
                """,
            Origin.rendered("t"));

    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_VALUE);
              assertThat(problem.path()).hasToString("spec.action");
              assertThat(problem.position()).isEqualTo(new Position(6, 3));
            });
  }

  @Test
  void theDeepestNestingTheReaderAllowsIsTypedWithoutFailing() throws Exception {
    int depth = YamlReader.MAX_DEPTH - 3;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    ManifestFile file =
        LOADER.fromText(
            """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: deep}
                data: {a: %s}
                extra: {b: %s}
                """
                .formatted(deep, deep),
            Origin.rendered("t"));

    assertThat(file.problems())
        .extracting(ManifestProblem::kind)
        .containsExactly(ProblemKind.WRONG_TYPE);
  }

  @Test
  void anUnknownKindKeepsItsGenericTreeAndIsANoteNotAnError() throws Exception {
    ManifestFile file =
        LOADER.fromText(
            """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  size: 3
                """,
            Origin.rendered("overlay local"));

    KubeObject widget = file.objects().get(0);
    assertThat(widget.typed()).get().isInstanceOf(GenericKubernetesResource.class);
    assertThat(widget.raw()).containsEntry("spec", Map.of("size", 3));
    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.UNKNOWN_KIND);
              assertThat(problem.isError()).isFalse();
              assertThat(problem.position()).isEqualTo(new Position(2, 1));
            });
    assertThat(file.hasErrors()).isFalse();
  }

  @Test
  void documentsThatAreNotKubernetesObjectsAreProblems() throws Exception {
    ManifestFile file =
        LOADER.fromText(
            """
                just text
                ---
                kind: Service
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: 12
                ---
                apiVersion: v1
                kind: List
                items: []
                """,
            Origin.rendered("t"));

    assertThat(file.objects()).extracting(KubeObject::kind).containsExactly("List");
    assertThat(file.problems())
        .extracting(ManifestProblem::kind)
        .containsExactly(
            ProblemKind.NOT_A_RESOURCE,
            ProblemKind.NOT_A_RESOURCE,
            ProblemKind.MISSING_FIELD,
            ProblemKind.WRONG_TYPE);
    assertThat(file.problems())
        .extracting(problem -> problem.position().line())
        .containsExactly(10, 1, 3, 7);
  }

  @Test
  void objectsExposeIdentityLabelsAnnotationsAndPositions() throws Exception {
    ManifestFile file = LOADER.fromFile(FIXTURES.resolve("multi-document.yaml"));

    KubeObject service = file.objects().get(0);
    assertThat(service.apiVersion()).isEqualTo("v1");
    assertThat(service.kind()).isEqualTo("Service");
    assertThat(service.name()).contains("trading-engine");
    assertThat(service.namespace()).contains("alphintra");
    assertThat(service.labels())
        .containsExactly(Map.entry("app.kubernetes.io/name", "trading-engine"));
    assertThat(service.annotations()).isEmpty();
    assertThat(service.typed(Service.class)).isPresent();
    assertThat(service.typed(Deployment.class)).isEmpty();
    assertThat(service.start()).isEqualTo(new Position(3, 1));
    assertThat(service.positionOf("spec.ports[0].port")).contains(new Position(15, 7));
    assertThat(service.origin().file()).contains(FIXTURES.resolve("multi-document.yaml"));

    KubeObject deployment = file.objects().get(1);
    Position securityContext =
        deployment.positionOf("spec.template.spec.containers[0].securityContext").orElseThrow();
    assertThat(file.commentsFor(securityContext.line()))
        .extracting(YamlComment::text)
        .containsExactly(
            " alphintra:ignore k8s-run-as-non-root reason=\"image needs root until 1.1\"");
  }

  @Test
  void aRenderedOverlayNamesEachObjectsSourceFromKustomizesOriginAnnotation() throws Exception {
    ManifestFile file =
        LOADER.fromText(
            """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    config.kubernetes.io/origin: |
                      path: ../../base/configmaps/settings.yaml
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: plain
                """,
            Origin.rendered("overlay local"));

    assertThat(file.origin().label()).isEqualTo("overlay local");
    assertThat(file.origin().file()).isEmpty();
    assertThat(file.objects())
        .extracting(KubeObject::sourcePath)
        .containsExactly(
            java.util.Optional.of("../../base/configmaps/settings.yaml"),
            java.util.Optional.empty());
  }

  @Test
  void modelClassesResolveFromEveryModelJar() {
    assertThat(LOADER.modelClass("networking.istio.io/v1", "VirtualService"))
        .contains(VirtualService.class);
    assertThat(LOADER.modelClass("monitoring.coreos.com/v1", "PrometheusRule"))
        .contains(PrometheusRule.class);
    assertThat(LOADER.modelClass("apps/v1", "Deployment")).contains(Deployment.class);
    assertThat(LOADER.modelClass("security.istio.io/v1", "PeerAuthentication").map(Class::getName))
        .contains("io.fabric8.istio.api.security.v1.PeerAuthentication");
    assertThat(LOADER.modelClass("example.com/v1", "Widget")).isEmpty();
  }

  @Test
  void loadingManyFilesReportsTheMalformedOnesBesideTheOthers(@TempDir Path folder)
      throws Exception {
    Path good =
        Files.writeString(
            folder.resolve("good.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    Path bad = Files.writeString(folder.resolve("bad.yaml"), "apiVersion: v1\nkind: [Namespace\n");
    Path missing = folder.resolve("missing.yaml");

    LoadResult result = LOADER.load(List.of(good, bad, missing));

    assertThat(result.files()).extracting(ManifestFile::origin).containsExactly(Origin.of(good));
    assertThat(result.objects()).extracting(KubeObject::kind).containsExactly("Namespace");
    assertThat(result.errors())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            message -> assertThat(message).startsWith(bad + ":3:1: "),
            message -> assertThat(message).startsWith(missing + ": cannot read the file"));
    assertThat(result.errors().get(1).position()).isEmpty();
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void typedModelsCarryTheValuesOfTheTree() throws Exception {
    HasMetadata model =
        LOADER
            .fromFile(FIXTURES.resolve("multi-document.yaml"))
            .objects()
            .get(1)
            .typed()
            .orElseThrow();
    Deployment deployment = (Deployment) model;
    assertThat(deployment.getMetadata().getName()).isEqualTo("trading-engine");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getSecurityContext()
                .getAllowPrivilegeEscalation())
        .isFalse();
  }
}
