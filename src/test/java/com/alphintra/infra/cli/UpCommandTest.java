package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.local.LocalFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class UpCommandTest {

  static final Path GOLDEN = Path.of("src/test/resources/local/up-dry-run.txt");

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new LocalFixture(root, client);
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
  void dryRunPrintsTheGoldenPlanAndStartsNoProcess() throws Exception {
    CliRun run = run("up", "--dry-run");

    String plan = run.out().replace(root.toString(), "<checkout>");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, plan);
    }
    assertThat(run.exitCode()).isZero();
    assertThat(plan)
        .as("refresh with: ./mvnw test -Dtest=UpCommandTest -Dgolden.update=true")
        .isEqualTo(Files.readString(GOLDEN));
    assertThat(fixture.processes.calls()).isEmpty();
    assertThat(fixture.clusterConnections).isZero();
  }

  @Test
  void upSucceedsWithATimingTableAndTheTrustInstructions() {
    CliRun run = run("up");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "[1/7] prerequisites",
            "STEP",
            "DURATION",
            "cluster startup < 5m00s",
            "service deployment < 2m00s",
            "security add-trusted-cert",
            "update-ca-certificates");
    assertThat(run.out()).containsPattern("cluster startup < 5m00s: \\S+ \\(met\\)");
  }

  @Test
  void movedRegistryAndHttpsPortsAreReadFromTheK3dConfig() throws Exception {
    Path config = fixture.workspace.k3dConfig();
    Files.writeString(
        config,
        Files.readString(config)
            .replace("127.0.0.1:443:443", "127.0.0.1:8443:443")
            .replace("hostPort: \"5000\"", "hostPort: \"5050\""));

    CliRun plan = run("up", "--dry-run");
    CliRun up = run("up");

    assertThat(plan.out())
        .contains(
            "images are pushed to 127.0.0.1:5050",
            "the gateway's 443 is probed on 127.0.0.1:8443",
            "probe: https://api.alphintra.localhost via 127.0.0.1:8443")
        .doesNotContain("127.0.0.1:443", "127.0.0.1:5000");
    assertThat(up.exitCode()).as(up.out()).isZero();
    assertThat(fixture.probes).isNotEmpty().allMatch("api.alphintra.localhost:8443"::equals);
  }

  @Test
  void secondUpSaysNothingChanged() {
    run("up");

    CliRun second = run("up");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("Nothing changed: every step was already in place.");
    // Finding everything in place measures no startup: no target is shown.
    assertThat(second.out()).doesNotContain("time targets", "cluster startup");
  }

  @Test
  void aFailedStepExitsOneNamingTheStepTheCauseAndTheRollback() {
    fixture.charts.failOn("istiod");

    CliRun run = run("up");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "error: step 'istio' failed: helm could not install istio/istiod 1.30.4",
            "| Error: INSTALLATION FAILED",
            "hint: ",
            "Rolled back (newest first): cluster");
    // The cluster step finished (and was rolled back), so its target is shown; the platform step
    // never ran, so service deployment measured nothing and is not shown.
    assertThat(run.out())
        .containsPattern("cluster startup < 5m00s: \\S+ \\(met\\)")
        .doesNotContain("service deployment <", "whole environment", "not shown");
  }

  @Test
  void missingPrerequisitesExitThreeWithDoctorsReportAndCreateNothing() {
    fixture.processes.missing("k3d", "version");

    CliRun run = run("up");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("k3d (missing)", "brew install k3d", "error: step 'prerequisites' failed")
        .doesNotContain("time targets", "cluster startup");
    assertThat(fixture.processes.commandLines()).noneMatch(line -> line.startsWith("k3d cluster"));
    assertThat(root.resolve(".alphintra")).doesNotExist();
  }

  @Test
  void anUnknownStepIsABadInvocationListingTheValidOnes() {
    CliRun run = run("up", "--only", "helm");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "unknown step 'helm'",
            "prerequisites, cluster, istio, tls, platform, observability, verify");
  }

  @Test
  void jsonOutputCarriesEveryStepsOutcome() {
    CliRun run = run("up", "--output", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "\"succeeded\" : true", "\"name\" : \"observability\"", "\"outcome\" : \"applied\"");
  }

  @Test
  void downDeletesTheClusterAndRegistryButKeepsTheData() throws Exception {
    run("up");

    CliRun down = run("down");

    assertThat(down.exitCode()).isZero();
    assertThat(down.out())
        .contains(
            "Deleted the k3d cluster 'alphintra'.",
            "Deleted the registry k3d-alphintra-registry.localhost.",
            "Kept the data in");
    assertThat(root.resolve("volumes")).isDirectory();
    CliRun purge = run("down", "--keep-registry", "--purge");
    assertThat(purge.out())
        .contains("No k3d cluster 'alphintra'", "Kept the registry", "Purged the data");
    assertThat(root.resolve("volumes")).doesNotExist();
  }
}
