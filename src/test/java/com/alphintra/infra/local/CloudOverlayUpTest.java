package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.cloud.CloudOutputs;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --context C --overlay dev} with this repository's real overlay, rendered by the real
 * {@code kubectl kustomize} with Terraform outputs written from a recorded state, against the
 * fabric8 mock API server: no object that reaches the server still holds a {@code ${} or a {@code
 * cloud-outputs.} placeholder.
 */
@EnableKubernetesMockClient(crud = true)
class CloudOverlayUpTest {

  /** The sample service as `cloud images` records it after a push. */
  static final String PUSHED = "0.1.0-3f9a1c2b4d5e@sha256:" + "ab".repeat(32);

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;

  @BeforeEach
  void kubectlIsInstalled() {
    ProcessResult version =
        new SystemProcessRunner()
            .run(Command.of("kubectl", "version", "--client").withTimeout(Duration.ofSeconds(30)));
    Assumptions.assumeTrue(
        version.succeeded(), "kubectl is not installed: the overlay cannot be rendered");
  }

  @Test
  void upOfTheDevOverlayAppliesNoObjectWithAPlaceholder() throws Exception {
    fixture = new LocalFixture(root, client);
    Path kubernetes = root.resolve("infra/kubernetes");
    replaceWithTheRepositorys(kubernetes);
    // The repository's pins, with the mirror list the charts' mirror layers name.
    Files.copy(
        Path.of("infra/versions.yaml"),
        root.resolve("infra/versions.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        kubernetes.resolve("overlays/dev/cloud-outputs.env"),
        CloudOutputs.parse(
                Files.readString(Path.of("src/test/resources/cloud/state-dev.json")), "state")
            .with(CloudOutputs.SAMPLE_SERVICE_TAG, PUSHED)
            .render(Environment.DEV));
    Path environment = root.resolve("infra/terraform/environments/dev");
    fixture
        .processes
        .respond(command -> new SystemProcessRunner().run(command), "kubectl", "kustomize")
        .succeeds("Initialized\n", "terraform", "-chdir=" + environment, "init")
        .succeeds(
            "{\"version\": 4, \"serial\": 42, \"lineage\": \"6b3e2f0a-1c4d-4e5f-9a8b-7c6d5e4f3a2b\"}",
            "terraform",
            "-chdir=" + environment,
            "state",
            "pull");
    client.resource(LocalFixture.readyNode("gke-node-1")).create();
    // The CRDs the operators' charts bring on a real cluster.
    crd("external-secrets.io", "ExternalSecret", "externalsecrets", "Namespaced");
    crd("external-secrets.io", "ClusterSecretStore", "clustersecretstores", "Cluster");
    crd("cert-manager.io", "Certificate", "certificates", "Namespaced");
    crd("cert-manager.io", "ClusterIssuer", "clusterissuers", "Cluster");
    // What External Secrets and cert-manager would make on a real cluster.
    for (String secret :
        List.of(
            "alphintra/auth-service-jwt",
            "alphintra/db-credentials",
            "alphintra/cache-credentials",
            "observability/grafana-admin",
            "alphintra-data/pgbouncer-userlist",
            "alphintra-data/cloudsql-server-ca",
            "alphintra-data/cloudsql-app-credentials",
            "istio-ingress/alphintra-gateway-tls")) {
      String[] parts = secret.split("/");
      client
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withNamespace(parts[0])
                  .withName(parts[1])
                  .endMetadata()
                  .addToStringData("value", "from-secret-manager")
                  .build())
          .create();
    }
    // The Job controller: the db-extensions Job completes once the platform step has applied it.
    Thread jobController = new Thread(this::completeTheDbExtensionsJob);
    jobController.setDaemon(true);
    jobController.start();
    RunReport report =
        fixture
            .environment()
            .up(
                new UpRequest(
                    false,
                    Optional.of("alphintra-dev"),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    "dev"),
                ProgressListener.SILENT)
            .report()
            .orElseThrow();

    jobController.join(Duration.ofSeconds(5).toMillis());
    assertThat(report.results())
        .filteredOn(result -> result.name().equals("jobs"))
        .singleElement()
        .satisfies(
            result ->
                assertThat(result.outcome()).isIn(StepOutcome.APPLIED, StepOutcome.ALREADY_DONE));
    // Everything is applied; only verify fails, as the mock runs no controller to make pods.
    assertThat(report.failure())
        .hasValueSatisfying(failure -> assertThat(failure.step()).isEqualTo("verify"));
    // What the server holds now, object by object, as the overlay renders them.
    String rendered =
        new SystemProcessRunner()
            .run(
                Command.of("kubectl", "kustomize", kubernetes.resolve("overlays/dev").toString())
                    .withTimeout(Duration.ofSeconds(60)))
            .stdout();
    List<String> stored = new ArrayList<>();
    for (HasMetadata object :
        client
            .load(
                new java.io.ByteArrayInputStream(
                    rendered.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .items()) {
      HasMetadata found = client.resource(object).get();
      assertThat(found).as(object.getKind() + " " + object.getMetadata().getName()).isNotNull();
      stored.add(Serialization.asYaml(found));
    }
    assertThat(stored).hasSizeGreaterThan(150);
    assertThat(stored)
        .noneMatch(text -> text.contains("${"))
        .noneMatch(text -> text.contains("cloud-outputs"));
    assertThat(stored)
        .anyMatch(
            text ->
                text.contains(
                    "europe-west2-docker.pkg.dev/acme-trading-dev/alphintra/sample-service:"))
        .anyMatch(
            text -> text.contains("risk-service-dev@acme-trading-dev.iam.gserviceaccount.com"))
        .anyMatch(text -> text.contains("10.10.32.3"));
    assertThat(client.configMaps().inNamespace("alphintra").withName("cloud-outputs").get())
        .isNull();
    // Every chart with images pulls them from the environment's mirror.
    String mirror = "europe-west2-docker.pkg.dev/acme-trading-dev/alphintra/mirror";
    assertThat(fixture.charts.mirrorValues)
        .containsKeys(
            "istio-cni", "istiod", "external-secrets", "cert-manager", "kube-prometheus-stack")
        .hasEntrySatisfying("istio-base", layer -> assertThat(layer).isEmpty())
        .hasEntrySatisfying(
            "istiod", layer -> assertThat(layer).contains("hub: " + mirror + "/istio"))
        .hasEntrySatisfying(
            "kiali", layer -> assertThat(layer).contains("image_name: " + mirror + "/kiali"))
        .allSatisfy(
            (release, layer) ->
                assertThat(layer.lines().filter(line -> !line.strip().startsWith("#")))
                    .noneMatch(line -> line.contains("${")));
  }

  private void completeTheDbExtensionsJob() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      io.fabric8.kubernetes.api.model.batch.v1.Job job =
          client.batch().v1().jobs().inNamespace("alphintra-data").withName("db-extensions").get();
      if (job != null) {
        job.setStatus(
            new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                .addNewCondition()
                .withType("Complete")
                .withStatus("True")
                .endCondition()
                .withSucceeded(1)
                .build());
        client.batch().v1().jobs().resource(job).updateStatus();
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void crd(String group, String kind, String plural, String scope) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope(scope)
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();
  }

  private static void replaceWithTheRepositorys(Path kubernetes) throws IOException {
    TreeCopy.copy(
        Path.of("infra/kubernetes"),
        kubernetes,
        file -> file.getFileName().toString().equals("cloud-outputs.env"));
  }
}
