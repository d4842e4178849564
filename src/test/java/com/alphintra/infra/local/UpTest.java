package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.cloud.CloudOutputs;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnableKubernetesMockClient(crud = true)
class UpTest {

  /** The sample service as `cloud images` records it after a push. */
  static final String PUSHED = "0.1.0-3f9a1c2b4d5e@sha256:" + "ab".repeat(32);

  static final List<String> STEPS =
      List.of("prerequisites", "cluster", "istio", "tls", "platform", "observability", "verify");

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new LocalFixture(root, client);
  }

  private static UpRequest up() {
    return new UpRequest(false, Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  private RunReport run(UpRequest request) {
    return fixture.environment().up(request, ProgressListener.SILENT).report().orElseThrow();
  }

  @Test
  void theFullPlanSucceedsAndLeavesAHealthyEnvironment() throws Exception {
    RunReport report = run(up());

    assertThat(report.failure()).isEmpty();
    assertThat(report.results())
        .extracting(StepResult::outcome)
        .containsExactly(
            StepOutcome.ALREADY_DONE,
            StepOutcome.APPLIED,
            StepOutcome.APPLIED,
            StepOutcome.APPLIED,
            StepOutcome.APPLIED,
            StepOutcome.APPLIED,
            StepOutcome.ALREADY_DONE);
    assertThat(fixture.processes.commandLines())
        .anyMatch(line -> line.startsWith("k3d cluster create --config "));
    assertThat(
            client
                .secrets()
                .inNamespace("istio-ingress")
                .withName("alphintra-gateway-tls")
                .get()
                .getType())
        .isEqualTo("kubernetes.io/tls");
    assertThat(client.namespaces().withName("alphintra").get()).isNotNull();
    assertThat(client.secrets().inNamespace("alphintra").withName("db-credentials").get().getData())
        .containsKeys("DB_USERNAME", "DB_PASSWORD");
    assertThat(client.secrets().inNamespace("istio-ingress").list().getItems()).hasSize(1);
    assertThat(fixture.charts.log)
        .containsExactly(
            "install istio-base 1.30.4",
            "install istiod 1.30.4",
            "install istio-ingress 1.30.4",
            "install kube-prometheus-stack 91.5.0",
            "install jaeger 4.1.0",
            "install kiali 2.24.0");
    assertThat(
            client
                .genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
                .inNamespace("istio-system")
                .withName("istiod")
                .get())
        .isNotNull();
    Path volumes = root.resolve("volumes");
    assertThat(Files.getPosixFilePermissions(volumes))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    Path state = root.resolve(".alphintra");
    for (String file : List.of("secrets.yaml", "tls/ca.crt", "tls/ca.key", "tls/gateway.key")) {
      assertThat(Files.getPosixFilePermissions(state.resolve(file)))
          .as(file)
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void runningUpTwiceChangesNothingTheSecondTime() {
    run(up());
    String secretsBefore = read(root.resolve(".alphintra/secrets.yaml"));
    int commandsBefore = fixture.processes.calls().size();

    RunReport second = run(up());

    assertThat(second.results())
        .extracting(StepResult::outcome)
        .containsOnly(StepOutcome.ALREADY_DONE);
    assertThat(second.changedNothing()).isTrue();
    assertThat(second.results())
        .extracting(StepResult::outcome)
        .containsOnly(StepOutcome.ALREADY_DONE);
    assertThat(
            fixture
                .processes
                .commandLines()
                .subList(commandsBefore, fixture.processes.calls().size()))
        .noneMatch(line -> line.startsWith("k3d cluster create"));
    assertThat(fixture.charts.log).hasSize(6);
    assertThat(read(root.resolve(".alphintra/secrets.yaml"))).isEqualTo(secretsBefore);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"prerequisites", "cluster", "istio", "tls", "platform", "observability", "verify"})
  void aFailureInAStepUndoesTheCompletedStepsInReverseOrder(String failing) throws Exception {
    inject(failing);

    RunReport report = run(up());

    StepFailure failure = report.failure().orElseThrow();
    assertThat(failure.step()).isEqualTo(failing);
    assertThat(failure.hint()).isNotBlank();
    int index = STEPS.indexOf(failing);
    for (String step : STEPS.subList(Math.min(1, index), index)) {
      assertThat(report.result(step).orElseThrow().outcome())
          .as(step)
          .isEqualTo(StepOutcome.UNDONE);
    }
    assertThat(report.result(failing).orElseThrow().outcome()).isEqualTo(StepOutcome.FAILED);
    for (String step : STEPS.subList(index + 1, STEPS.size())) {
      assertThat(report.result(step).orElseThrow().outcome())
          .as(step)
          .isEqualTo(StepOutcome.SKIPPED);
    }
    assertThat(report.undoProblems()).isEmpty();
    assertRolledBack(index);
  }

  private void inject(String step) throws Exception {
    switch (step) {
      case "prerequisites" -> fixture.processes.missing("k3d", "version");
      case "cluster" ->
          fixture.processes.fails(
              1,
              "FATA[0003] Failed to create cluster: port 6550 is taken",
              "k3d",
              "cluster",
              "create");
      case "istio" -> fixture.charts.failOn("istiod");
      case "tls" -> {
        Files.createDirectories(root.resolve(".alphintra"));
        Files.writeString(root.resolve(".alphintra/tls"), "a file where the folder should be");
      }
      case "platform" ->
          fixture.processes.fails(
              1, "error: accumulating resources: no such file", "kubectl", "kustomize");
      case "observability" -> fixture.charts.failOn("jaeger");
      case "verify" -> fixture.ingressAnswers = false;
      default -> throw new IllegalArgumentException(step);
    }
  }

  /** What each undone step put in place is gone again; the newest undo came first. */
  private void assertRolledBack(int failedIndex) {
    List<String> log = fixture.charts.log;
    if (failedIndex > STEPS.indexOf("observability")) {
      assertThat(log.indexOf("uninstall kiali")).isLessThan(log.indexOf("uninstall istio-ingress"));
      assertThat(
              client
                  .genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
                  .inNamespace("istio-system")
                  .withName("istiod")
                  .get())
          .isNull();
    }
    if (failedIndex > STEPS.indexOf("platform")) {
      assertThat(
              client
                  .resources(ConfigMap.class)
                  .inNamespace("alphintra")
                  .withName("platform-config")
                  .get())
          .isNull();
      assertThat(client.resources(Namespace.class).withName("alphintra").get()).isNull();
    }
    if (failedIndex > STEPS.indexOf("tls")) {
      assertThat(
              client
                  .resources(Secret.class)
                  .inNamespace("istio-ingress")
                  .withName("alphintra-gateway-tls")
                  .get())
          .isNull();
    }
    if (failedIndex > STEPS.indexOf("istio")) {
      assertThat(log)
          .endsWith("uninstall istio-ingress", "uninstall istiod", "uninstall istio-base");
    }
    if (failedIndex > STEPS.indexOf("cluster")) {
      assertThat(fixture.processes.commandLines())
          .contains(
              "k3d cluster delete alphintra",
              "k3d registry delete k3d-alphintra-registry.localhost");
      assertThat(fixture.clusterExists).isFalse();
    } else {
      assertThat(fixture.processes.commandLines()).noneMatch(line -> line.contains("delete"));
    }
  }

  @Test
  void keepOnFailureLeavesEveryAppliedStepInPlace() {
    fixture.charts.failOn("jaeger");

    RunReport report =
        run(new UpRequest(false, Optional.empty(), Optional.empty(), Optional.empty(), true));

    assertThat(report.failure().orElseThrow().step()).isEqualTo("observability");
    assertThat(report.results()).extracting(StepResult::outcome).doesNotContain(StepOutcome.UNDONE);
    assertThat(fixture.processes.commandLines()).noneMatch(line -> line.contains("delete"));
    assertThat(fixture.charts.log).noneMatch(line -> line.startsWith("uninstall"));
    assertThat(
            client.resources(Deployment.class).inNamespace("istio-system").withName("istiod").get())
        .isNotNull();
  }

  @Test
  void anInterruptInTheMiddleOfAStepRollsBackTheCompletedSteps() throws Exception {
    fixture.charts.hangOn("jaeger");
    AtomicReference<RunReport> report = new AtomicReference<>();
    Thread runner = new Thread(() -> report.set(run(up())));
    runner.start();
    assertThat(fixture.charts.hanging.await(20, TimeUnit.SECONDS)).isTrue();

    runner.interrupt();
    runner.join(20_000);

    StepFailure failure = report.get().failure().orElseThrow();
    assertThat(failure.step()).isEqualTo("observability");
    assertThat(failure.interrupted()).isTrue();
    for (String step : List.of("cluster", "istio", "tls", "platform")) {
      assertThat(report.get().result(step).orElseThrow().outcome())
          .as(step)
          .isEqualTo(StepOutcome.UNDONE);
    }
    assertRolledBack(STEPS.indexOf("observability"));
  }

  @Test
  void onlyIstioRunsJustThatStep() {
    fixture.clusterExists.set(true);
    client.resource(LocalFixture.readyNode("k3d-alphintra-server-0")).create();

    RunReport report =
        run(new UpRequest(false, Optional.empty(), Optional.of("istio"), Optional.empty(), false));

    assertThat(report.results())
        .filteredOn(result -> result.outcome() != StepOutcome.SKIPPED)
        .extracting(StepResult::name)
        .containsExactly("istio");
    assertThat(fixture.processes.calls()).isEmpty();
  }

  @Test
  void anExistingContextSkipsTheClusterStepAndOnlyNeedsKubectl() {
    fixture.processes.missing("k3d", "version").missing("docker");
    client.resource(LocalFixture.readyNode("gke-node-1")).create();

    RunReport report =
        run(
            new UpRequest(
                false,
                Optional.of("gke_alphintra-dev"),
                Optional.empty(),
                Optional.empty(),
                false));

    assertThat(report.failure()).isEmpty();
    assertThat(report.result("cluster").orElseThrow().outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(fixture.processes.commandLines()).noneMatch(line -> line.startsWith("k3d cluster"));
  }

  @Test
  void aDryRunStartsNoProcessAndConnectsToNothing() {
    UpResult result =
        fixture
            .environment()
            .up(
                new UpRequest(true, Optional.empty(), Optional.empty(), Optional.empty(), false),
                ProgressListener.SILENT);

    assertThat(result.report()).isEmpty();
    assertThat(result.plan().names()).containsExactlyElementsOf(STEPS);
    assertThat(fixture.processes.calls()).isEmpty();
    assertThat(fixture.clusterConnections).isZero();
    assertThat(root.resolve(".alphintra")).doesNotExist();
    assertThat(root.resolve("volumes")).doesNotExist();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCloudOverlayNeedsTheContextOfItsCluster() {
    assertThatThrownBy(
            () ->
                run(
                    new UpRequest(
                        false, Optional.empty(), Optional.empty(), Optional.empty(), false, "dev")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("overlay dev is for a GKE cluster");
    assertThat(fixture.processes.calls()).isEmpty();
  }

  @Test
  void anUnknownOverlayIsABadInvocation() {
    assertThatThrownBy(
            () ->
                run(
                    new UpRequest(
                        false,
                        Optional.of("alphintra-dev"),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        "qa")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("overlay qa does not exist");
  }

  private static UpRequest upDev() {
    return new UpRequest(
        false, Optional.of("alphintra-dev"), Optional.empty(), Optional.empty(), false, "dev");
  }

  /** Writes dev's cloud-outputs.env from state serial 42 and lets terraform report a serial. */
  private void outputsOfSerial(long currentSerial) throws Exception {
    Files.writeString(
        root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env"),
        CloudOutputs.parse(
                Files.readString(Path.of("src/test/resources/cloud/state-dev.json")), "state")
            .with(CloudOutputs.SAMPLE_SERVICE_TAG, PUSHED)
            .render(Environment.DEV));
    Path environment = root.resolve("infra/terraform/environments/dev");
    fixture
        .processes
        .succeeds("Initialized\n", "terraform", "-chdir=" + environment, "init")
        .succeeds(
            "{\"version\": 4, \"serial\": "
                + currentSerial
                + ", \"lineage\": \"6b3e2f0a-1c4d-4e5f-9a8b-7c6d5e4f3a2b\", \"outputs\": {}}",
            "terraform",
            "-chdir=" + environment,
            "state",
            "pull");
  }

  @Test
  void aCloudOverlayWithoutItsTerraformOutputsIsRefusedNamingTheCommand() {
    client.resource(LocalFixture.readyNode("gke-node-1")).create();

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("cloud-outputs.env is missing")
        .satisfies(
            e ->
                assertThat(((MissingPrerequisiteException) e).hint())
                    .contains("alphintra cloud outputs --env dev"));
    assertThat(client.namespaces().withName("alphintra").get()).isNull();
    assertThat(fixture.processes.commandLines()).noneMatch(line -> line.startsWith("terraform"));
  }

  @Test
  void aCloudOverlayWithAStaleMirrorListIsRefusedBeforeAnythingRuns() throws Exception {
    outputsOfSerial(42);
    Files.writeString(
        root.resolve("infra/versions.yaml"),
        "mirror:\n  jaeger: {source: \"docker.io/jaegertracing/jaeger:2.12.0\","
            + " chart: \"observability.jaeger.version 4.0.0\"}\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "mirror.jaeger was derived for observability.jaeger.version 4.0.0, which is now 4.1.0");
    assertThat(client.namespaces().withName("alphintra").get()).isNull();
    assertThat(fixture.processes.commandLines()).noneMatch(line -> line.startsWith("terraform"));
  }

  @Test
  void aCloudOverlayWithTheExampleOutputsIsRefused() throws Exception {
    Files.writeString(
        root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env"),
        "SOURCE=example\nPROJECT_ID=alphintra-dev\n");

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("holds the example values");
  }

  @Test
  void aCloudOverlayWhoseSampleServiceWasNeverPushedIsRefusedNamingCloudImages() throws Exception {
    outputsOfSerial(42);
    Path file = root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                CloudOutputs.SAMPLE_SERVICE_TAG + "=" + PUSHED,
                CloudOutputs.SAMPLE_SERVICE_TAG + "=0.1.0"));

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("has no digest in SAMPLE_SERVICE_TAG")
        .satisfies(
            e ->
                assertThat(((MissingPrerequisiteException) e).hint())
                    .contains("alphintra cloud images --env dev"));
    assertThat(client.namespaces().withName("alphintra").get()).isNull();
  }

  @Test
  void aCloudOverlayWhoseOutputsLackAKeyTheOverlayReadsIsRefused() throws Exception {
    outputsOfSerial(42);
    Path file = root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env");
    // The committed example names every key the overlay reads; the file was written before the
    // RBAC groups were.
    Files.writeString(file.resolveSibling("cloud-outputs.env.example"), Files.readString(file));
    Files.writeString(file, Files.readString(file).replaceAll("(?m)^RBAC_[A-Z_]+=.*\n", ""));

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("lacks RBAC_DEPLOYERS_GROUP, RBAC_DEVELOPERS_GROUP")
        .satisfies(
            e ->
                assertThat(((MissingPrerequisiteException) e).hint())
                    .contains("alphintra cloud outputs --env dev"));
    assertThat(client.namespaces().withName("alphintra").get()).isNull();
  }

  @Test
  void aCloudOverlayWithOutputsOfAnOlderStateIsRefused() throws Exception {
    outputsOfSerial(43);

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("is from state serial 42")
        .hasMessageContaining("at serial 43");
    assertThat(client.namespaces().withName("alphintra").get()).isNull();
  }

  @Test
  void aCloudOverlayWhoseStateCannotBeReadIsRefused() throws Exception {
    outputsOfSerial(42);
    fixture.processes.fails(
        1,
        "Error: storage: object doesn't exist",
        "terraform",
        "-chdir=" + root.resolve("infra/terraform/environments/dev"),
        "state");

    assertThatThrownBy(() -> run(upDev()))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("terraform state pull failed");
  }

  @Test
  void aCloudOverlayWithCurrentOutputsMakesNoLocalCaNorSecretsAndRunsTheSecretsAndJobsSteps()
      throws Exception {
    client.resource(LocalFixture.readyNode("gke-node-1")).create();
    outputsOfSerial(42);

    RunReport report = run(upDev());

    assertThat(report.failure()).isEmpty();
    assertThat(report.results())
        .extracting(StepResult::name)
        .containsSubsequence("platform", "secrets", "jobs", "observability", "verify")
        .doesNotContain("tls", "images");
    assertThat(root.resolve(".alphintra/tls")).doesNotExist();
    assertThat(root.resolve(".alphintra/secrets.yaml")).doesNotExist();
    assertThat(client.namespaces().withName("alphintra").get()).isNotNull();
    assertThat(fixture.charts.log)
        .contains("install external-secrets 0.19.2", "install cert-manager v1.18.2");
  }
}
