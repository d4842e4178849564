package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  @TempDir Path root;

  private final FakeHostProbe host = new FakeHostProbe();

  private static FakeProcessRunner localToolsInstalled() {
    return new FakeProcessRunner()
        .succeeds("Docker version 28.2.2, build e6534b4\n", "docker", "--version")
        .succeeds("28.2.2\n", "docker", "info")
        .succeeds("k3d version v5.8.3\n", "k3d", "version")
        .succeeds("Client Version: v1.34.1\n", "kubectl", "version");
  }

  private Services services(FakeProcessRunner processes) {
    var workspace = TestWorkspace.create(root);
    return new Services(processes, host, () -> Optional.of(workspace));
  }

  @Test
  void readyLocalTargetExitsZeroWithATable() {
    CliRun run = CliRun.of(services(localToolsInstalled()), "doctor", "--target", "local");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("CHECK", "STATUS", "k3d", "5.8.3", "host port 6550", "Ready:");
  }

  @Test
  void missingDockerAndK3dExitThreeWithInstallHints() {
    FakeProcessRunner processes =
        new FakeProcessRunner().succeeds("Client Version: v1.32.4\n", "kubectl", "version");

    CliRun run = CliRun.of(services(processes), "doctor", "--target", "local");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("Not ready:", "docker (missing)", "k3d (missing)", "brew install k3d");
  }

  @Test
  void portsComeFromTheK3dConfig() {
    host.busyPorts.add(5000);

    CliRun run =
        CliRun.of(
            services(localToolsInstalled()), "doctor", "--target", "local", "--output", "json");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains(
            "\"host port 80\"", "\"host port 443\"", "\"host port 5000\"", "\"host port 6550\"");
  }

  @Test
  void jsonReportHasEveryCheckWithStatusAndHints() throws Exception {
    CliRun run =
        CliRun.of(
            services(localToolsInstalled().missing("k3d")),
            "doctor",
            "--target",
            "local",
            "-o",
            "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(json.get("target").asText()).isEqualTo("local");
    assertThat(json.get("ready").asBoolean()).isFalse();
    JsonNode k3d = null;
    for (JsonNode check : json.get("checks")) {
      if (check.get("name").asText().equals("k3d")) {
        k3d = check;
      }
    }
    assertThat(k3d).isNotNull();
    assertThat(k3d.get("status").asText()).isEqualTo("missing");
    assertThat(k3d.get("required").asText()).isEqualTo(">= 5.8.0");
    assertThat(k3d.get("install").get("macos").asText()).isEqualTo("brew install k3d");
  }

  @Test
  void malformedVersionsFileIsAnInputErrorWithItsLocation() {
    var workspace = TestWorkspace.create(root, "tools: [unclosed\n");
    Services services = new Services(localToolsInstalled(), host, () -> Optional.of(workspace));

    CliRun run = CliRun.of(services, "doctor");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: malformed YAML", "versions.yaml:").contains("hint:");
    assertThat(run.err()).doesNotContain("at com.alphintra");
  }

  @Test
  void versionsFileWithoutAPinNamesTheMissingKey() {
    var workspace = TestWorkspace.create(root, "tools: {java: {minimum: \"17\"}}\n");
    Services services = new Services(localToolsInstalled(), host, () -> Optional.of(workspace));

    CliRun run = CliRun.of(services, "doctor");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no pin 'tools.docker.minimum'");
  }

  @Test
  void outsideACheckoutIsAnInputError() {
    Services services = new Services(localToolsInstalled(), host, Optional::empty);

    CliRun run = CliRun.of(services, "doctor");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no Alphintra checkout found");
  }

  @Test
  void verboseAddsTheStackTrace() {
    var workspace = TestWorkspace.create(root, "tools: [unclosed\n");
    Services services = new Services(localToolsInstalled(), host, () -> Optional.of(workspace));

    CliRun run = CliRun.of(services, "doctor", "--verbose");

    assertThat(run.err()).contains("at com.alphintra.infra");
  }

  @Test
  void malformedK3dConfigIsAnInputErrorWithItsLocation() throws Exception {
    var workspace = TestWorkspace.create(root);
    java.nio.file.Files.writeString(
        workspace.k3dConfig(), "apiVersion: k3d.io/v1alpha5\nports: [\n");
    Services services = new Services(localToolsInstalled(), host, () -> Optional.of(workspace));

    CliRun run = CliRun.of(services, "doctor", "--target", "local");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cluster-config.yaml:");
  }
}
