package com.alphintra.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.OperationFailedException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class DevLoopTest {

  KubernetesClient client;

  @TempDir Path root;

  private DevFixture fixture;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void checkout() {
    fixture = new DevFixture(root, client);
  }

  private static DeployRequest request(String... services) {
    return new DeployRequest(
        List.of(services), Optional.empty(), Duration.ofSeconds(5), "127.0.0.1:5000");
  }

  @Test
  void findsTheSixSampleDeploymentsInTheManifests() {
    assertThat(fixture.devLoop().targets(request("all")))
        .extracting(SampleDeployment::name)
        .containsExactly(
            "api-gateway",
            "auth-service",
            "market-data",
            "portfolio-service",
            "risk-service",
            "trading-engine");
    assertThat(fixture.devLoop().targets(request("all")))
        .allSatisfy(
            target -> {
              assertThat(target.namespace()).isEqualTo("alphintra");
              assertThat(target.container()).isEqualTo("app");
            });
  }

  @Test
  void rollsOneServiceToThePushedDigestAndWaitsUntilItIsAvailable() throws Exception {
    try (FakeDeploymentController controller =
        new FakeDeploymentController(client, "alphintra", image -> true, 300)) {
      DeployResult result = fixture.devLoop().deploy(request("trading-engine"), listener);

      assertThat(fixture.image("trading-engine"))
          .isEqualTo(DevFixture.OLD_IMAGE + "@" + DevFixture.DIGEST);
      assertThat(fixture.image("api-gateway")).isEqualTo(DevFixture.OLD_IMAGE);
      assertThat(result.rolled()).containsExactly("trading-engine");
      assertThat(result.phases())
          .extracting(PhaseResult::phase)
          .containsExactly(DeployPhase.COMPILE, DeployPhase.IMAGE, DeployPhase.ROLLOUT);
      // The fake controller makes the new pods available 300 ms after it sees the change: the
      // rollout waited.
      assertThat(result.phases().get(2).took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(fixture.pushed).containsExactly("127.0.0.1:5000/alphintra/sample-service:0.1.0");
      assertThat(fixture.processes.commandLines())
          .singleElement()
          .asString()
          .endsWith(
              "-q -B -f "
                  + root.resolve("services/sample-service/pom.xml")
                  + " -DskipTests compile");
      assertThat(listener.events)
          .containsExactly(
              "start compile",
              "done compile",
              "start build and push",
              "done build and push",
              "start roll out",
              "done roll out");
    }
  }

  @Test
  void allRollsEverySampleDeployment() throws Exception {
    try (FakeDeploymentController controller =
        new FakeDeploymentController(client, "alphintra", image -> true, 0)) {
      DeployResult result = fixture.devLoop().deploy(request("all"), listener);

      assertThat(result.rolled()).hasSize(6);
      assertThat(controller.images())
          .filteredOn(image -> image.startsWith(DevFixture.OLD_IMAGE))
          .allMatch(image -> image.endsWith("@" + DevFixture.DIGEST))
          .hasSize(6);
    }
  }

  @Test
  void theSameDigestAgainRollsNothing() throws Exception {
    try (FakeDeploymentController controller =
        new FakeDeploymentController(client, "alphintra", image -> true, 0)) {
      fixture.devLoop().deploy(request("market-data"), listener);
      DeployResult again = fixture.devLoop().deploy(request("market-data"), listener);

      assertThat(again.rolled()).isEmpty();
      assertThat(again.unchanged()).containsExactly("market-data");
    }
  }

  @Test
  void aCompileErrorStopsBeforeAnythingIsBuiltOrRolled() {
    fixture.processes.fails(
        1, "[ERROR] /src/Main.java:[3,1] ';' expected\n", root.resolve("mvnw").toString());

    assertThatThrownBy(() -> fixture.devLoop().deploy(request("all"), listener))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("compile failed")
        .hasMessageContaining("';' expected")
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("running version is unchanged"));
    assertThat(fixture.pushed).isEmpty();
    assertThat(fixture.image("api-gateway")).isEqualTo(DevFixture.OLD_IMAGE);
  }

  @Test
  void aBuildFailureLeavesTheClusterAlone() {
    fixture.publish =
        request -> {
          throw new OperationFailedException(
              "building the image failed: no space left on device", "free some disk");
        };

    assertThatThrownBy(() -> fixture.devLoop().deploy(request("api-gateway"), listener))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("building the image failed")
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("free some disk")
                    .contains("nothing was rolled out"));
    assertThat(fixture.image("api-gateway")).isEqualTo(DevFixture.OLD_IMAGE);
  }

  @Test
  void aPushFailureSaysWhereAndLeavesTheClusterAlone() {
    fixture.publish =
        request -> {
          throw new OperationFailedException(
              "could not build and push to 127.0.0.1:5000/alphintra/sample-service:0.1.0:"
                  + " Connection refused",
              "is the local registry running? 'alphintra up' creates it");
        };

    assertThatThrownBy(() -> fixture.devLoop().deploy(request("api-gateway"), listener))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("push to 127.0.0.1:5000")
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("local registry running"));
    assertThat(fixture.image("api-gateway")).isEqualTo(DevFixture.OLD_IMAGE);
  }

  @Test
  void aRolloutThatDoesNotBecomeAvailableRestoresTheOldImage() {
    try (FakeDeploymentController controller =
        new FakeDeploymentController(
            client, "alphintra", image -> !image.contains(DevFixture.DIGEST), 0)) {
      DeployRequest quick =
          new DeployRequest(
              List.of("risk-service"), Optional.empty(), Duration.ofMillis(600), "127.0.0.1:5000");

      assertThatThrownBy(() -> fixture.devLoop().deploy(quick, listener))
          .isInstanceOf(OperationFailedException.class)
          .hasMessageContaining("did not become available within 600ms")
          .hasMessageContaining("risk-service: 1/1 updated")
          .hasMessageContaining("ImagePullBackOff")
          .hasMessageContaining("old version keeps running")
          .satisfies(
              e ->
                  assertThat(((OperationFailedException) e).hint())
                      .contains("kubectl -n alphintra describe deployment risk-service"));
      assertThat(fixture.image("risk-service")).isEqualTo(DevFixture.OLD_IMAGE);
    }
  }

  @Test
  void aDeploymentMissingFromTheClusterSaysToRunUp() {
    client.apps().deployments().inNamespace("alphintra").withName("auth-service").delete();

    assertThatThrownBy(() -> fixture.devLoop().deploy(request("auth-service"), listener))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("auth-service is not in the cluster")
        .satisfies(e -> assertThat(((OperationFailedException) e).hint()).contains("alphintra up"));
  }

  @Test
  void anUnknownServiceIsAnInputErrorBeforeAnythingRuns() {
    assertThatThrownBy(() -> fixture.devLoop().deploy(request("order-service"), listener))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'order-service'")
        .satisfies(
            e -> assertThat(((InputException) e).hint()).contains("api-gateway").contains("all"));
    assertThat(fixture.processes.calls()).isEmpty();
  }

  /** Records phase events as "start <phase>" and "done <phase>". */
  static final class RecordingListener implements DevListener {
    final List<String> events = new ArrayList<>();
    final List<DeployResult> passes = new ArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();
    final List<List<Path>> changes = new ArrayList<>();

    @Override
    public synchronized void phaseStarted(DeployPhase phase) {
      events.add("start " + phase.label());
    }

    @Override
    public synchronized void phaseFinished(PhaseResult result) {
      events.add("done " + result.phase().label());
    }

    @Override
    public synchronized void changed(List<Path> files) {
      changes.add(files);
    }

    @Override
    public synchronized void passFailed(RuntimeException failure) {
      failures.add(failure);
    }

    @Override
    public synchronized void passSucceeded(DeployResult result) {
      passes.add(result);
    }

    synchronized int passCount() {
      return passes.size() + failures.size();
    }
  }
}
