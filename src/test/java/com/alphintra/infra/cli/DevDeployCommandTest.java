package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.dev.DevFixture;
import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.local.LocalServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class DevDeployCommandTest {

  KubernetesClient client;

  @TempDir Path root;

  private DevFixture fixture;

  @BeforeEach
  void checkout() {
    fixture = new DevFixture(root, client);
  }

  private Services services() {
    LocalServices local =
        new LocalServices(
            fixture.clusters(),
            (context, state) -> {
              throw new IllegalStateException("dev deploy needs no Helm");
            },
            ca -> {
              throw new IllegalStateException("dev deploy probes no ingress");
            },
            Clock.systemUTC(),
            Duration.ofSeconds(1),
            cache -> fixture.publisher(),
            (cluster, ca) -> {
              throw new IllegalStateException("dev deploy runs no smoke test");
            });
    return new Services(
        fixture.processes, new FakeHostProbe(), () -> Optional.of(fixture.workspace), local);
  }

  /**
   * Without a controller the mock keeps the old status, whose generation is older than the patch's.
   */
  private void markAllRolledOut() {
    for (var deployment : client.apps().deployments().inNamespace("alphintra").list().getItems()) {
      deployment.setStatus(
          new DeploymentStatusBuilder()
              .withObservedGeneration(Long.MAX_VALUE)
              .withReplicas(1)
              .withUpdatedReplicas(1)
              .withAvailableReplicas(1)
              .build());
      client.resource(deployment).update();
    }
  }

  @Test
  void printsEachPhaseWithItsDurationAndTheTotal() {
    markAllRolledOut();

    CliRun run = CliRun.of(services(), "dev", "deploy", "api-gateway");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("compile +\\d+\\.\\ds")
        .containsPattern("build and push +\\d+\\.\\ds  pushed@" + DevFixture.DIGEST)
        .containsPattern("roll out +\\d+\\.\\ds  1 rolled")
        .containsPattern(
            "total +\\d+\\.\\ds  running " + DevFixture.OLD_IMAGE.replace(".", "\\.") + "@sha256:")
        .contains("rolled: api-gateway");
    assertThat(fixture.image("api-gateway")).endsWith("@" + DevFixture.DIGEST);
  }

  @Test
  void jsonHasThePhasesAndTheDeployedImage() throws Exception {
    markAllRolledOut();

    CliRun run = CliRun.of(services(), "dev", "deploy", "all", "--output", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.get("deployedImage").asText())
        .isEqualTo(DevFixture.OLD_IMAGE + "@" + DevFixture.DIGEST);
    assertThat(json.get("rolled")).hasSize(6);
    assertThat(json.get("phases"))
        .extracting(phase -> phase.get("phase").asText())
        .containsExactly("compile", "build and push", "roll out");
  }

  @Test
  void aPushFailureExitsOneWithTheMessageAndHint() {
    fixture.publish =
        request -> {
          throw new OperationFailedException(
              "could not build and push to 127.0.0.1:5000/alphintra/sample-service:0.1.0:"
                  + " Connection refused",
              "is the local registry running?");
        };

    CliRun run = CliRun.of(services(), "dev", "deploy", "trading-engine");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("error: could not build and push to 127.0.0.1:5000")
        .contains("hint: is the local registry running?")
        .contains("nothing was rolled out");
    assertThat(run.err()).doesNotContain("at com.alphintra");
  }

  @Test
  void aRolloutTimeoutExitsOneAndTheOldImageStays() {
    CliRun run = CliRun.of(services(), "dev", "deploy", "risk-service", "--timeout", "PT0.3S");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("did not become available within 300ms")
        .contains("old version keeps running");
    assertThat(fixture.image("risk-service")).isEqualTo(DevFixture.OLD_IMAGE);
  }

  @Test
  void anUnknownServiceExitsTwoAndListsTheKnownOnes() {
    CliRun run = CliRun.of(services(), "dev", "deploy", "order-service");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'order-service' is not a service").contains("market-data");
  }

  @Test
  void aServiceIsRequired() {
    CliRun run = CliRun.of(services(), "dev", "deploy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("SERVICE");
  }
}
