package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.local.K3dCluster;
import com.alphintra.infra.local.LocalFixture;
import com.alphintra.infra.local.LocalServices;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class DownCommandTest {

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new LocalFixture(root, client);
  }

  private CliRun run(String... args) {
    return CliRun.of(
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            fixture.services()),
        args);
  }

  @Test
  void withoutK3dDownExitsThreeWithTheInstallHint() {
    fixture.processes.missing("k3d");

    CliRun run = run("down");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "needs k3d, which is not installed",
            "hint: install k3d",
            "https://k3d.io",
            "brew install k3d");
  }

  @Test
  void downDeletesTheClusterAndTheRegistryAndKeepsTheData() throws Exception {
    assertThat(run("up").exitCode()).isZero();
    Path data = root.resolve("volumes");
    Files.writeString(data.resolve("row"), "kept");

    CliRun run = run("down");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Deleted the k3d cluster 'alphintra'.",
            "Deleted the registry k3d-alphintra-registry.localhost.",
            "Kept the data in " + data);
    assertThat(data.resolve("row")).hasContent("kept");
    assertThat(fixture.processes.commandLines())
        .contains(
            "k3d cluster delete alphintra", "k3d registry delete k3d-alphintra-registry.localhost");
  }

  @Test
  void theDataFolderNamedByTheEnvironmentIsCreatedGivenToK3dAndKeptByDown() throws Exception {
    Path config = fixture.workspace.k3dConfig();
    Files.writeString(
        config,
        Files.readString(config)
            .replace("../../../volumes:", "${" + K3dCluster.DATA_DIR_VARIABLE + "}:"));
    Path data = root.resolve("home/.local/share/alphintra/volumes");
    LocalServices base = fixture.services();
    Services services =
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            new LocalServices(
                base.clusters(),
                base.charts(),
                base.probers(),
                base.clock(),
                base.readinessWait(),
                base.images(),
                base.smokeProbes(),
                Map.of("HOME", root.resolve("home").toString())));

    CliRun plan = CliRun.of(services, "up", "--dry-run");
    CliRun up = CliRun.of(services, "up");
    CliRun down = CliRun.of(services, "down");

    assertThat(plan.out())
        .contains("create: " + data + " (the data folder, $ALPHINTRA_DATA_DIR; owner-only");
    assertThat(up.exitCode()).as(up.out()).isZero();
    assertThat(data).isDirectory();
    assertThat(
            fixture.processes.calls().stream()
                .filter(
                    command ->
                        String.join(" ", command.arguments()).startsWith("k3d cluster create"))
                .findFirst()
                .orElseThrow()
                .environment())
        .containsEntry(K3dCluster.DATA_DIR_VARIABLE, data.toString());
    assertThat(down.out()).contains("Kept the data in " + data);
  }

  @Test
  void purgeDeletesTheDataFolder() throws Exception {
    assertThat(run("up").exitCode()).isZero();

    CliRun run = run("down", "--purge");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Purged the data in " + root.resolve("volumes"));
    assertThat(root.resolve("volumes")).doesNotExist();
  }

  @Test
  void aFailingK3dExitsOne() {
    fixture.processes.fails(1, "Cannot connect to the Docker daemon", "k3d", "cluster", "list");

    CliRun run = run("down");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot connect to the Docker daemon");
  }
}
