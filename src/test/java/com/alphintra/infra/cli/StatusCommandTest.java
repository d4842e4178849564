package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.local.LocalFixture;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class StatusCommandTest {

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;

  @BeforeEach
  void healthyEnvironment() {
    fixture = new LocalFixture(root, client);
    assertThat(run("up").exitCode()).isZero();
  }

  private CliRun run(String... args) {
    Services services =
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            fixture.services());
    return CliRun.of(services, args);
  }

  @Test
  void healthyEnvironmentExitsZero() {
    CliRun run = run("status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Istio 1.30.4",
            "node:",
            "k3d-alphintra-server-0",
            "mtls:",
            "STRICT",
            "istio-system/Deployment/istiod",
            "ingress:",
            "Healthy.");
  }

  @Test
  void aNodeNotReadyIsUnhealthy() {
    client
        .nodes()
        .withName("k3d-alphintra-agent-1")
        .edit(
            node -> {
              node.getStatus().getConditions().get(0).setStatus("False");
              return node;
            });

    CliRun run = run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("not Ready", "Unhealthy: 1 problem");
  }

  @Test
  void anUnavailableWorkloadIsUnhealthy() {
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("trading-engine")
                .withNamespace("alphintra")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .withNewStatus()
                .withAvailableReplicas(1)
                .endStatus()
                .build())
        .create();

    CliRun run = run("status", "--output", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"healthy\" : false", "alphintra/Deployment/trading-engine", "1/2 available");
  }

  @Test
  void aPodWithoutSidecarInAnInjectedNamespaceIsUnhealthy() {
    client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("trading-engine-abc")
                .withNamespace("alphintra")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("app")
                .endContainer()
                .endSpec()
                .build())
        .create();

    CliRun run = run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("alphintra/trading-engine-abc", "no istio-proxy container");
  }

  @Test
  void permissiveMtlsIsUnhealthy() {
    client
        .genericKubernetesResources("security.istio.io/v1", "PeerAuthentication")
        .inNamespace("istio-system")
        .withName("default")
        .edit(
            policy -> {
              policy.setAdditionalProperty(
                  "spec", java.util.Map.of("mtls", java.util.Map.of("mode", "PERMISSIVE")));
              return policy;
            });

    CliRun run = run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("PERMISSIVE");
  }

  @Test
  void anIngressThatDoesNotAnswerIsUnhealthy() {
    fixture.ingressAnswers = false;

    CliRun run = run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("connection refused");
  }
}
