package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  /**
   * One finding only (net-vpc-custom-mode, line 3): the versions are pinned so
   * state-versions-pinned is quiet.
   */
  private static final String INSECURE_NETWORK =
      """
      resource "google_compute_network" "main" {
        name                    = "alphintra"
        auto_create_subnetworks = true
      }

      terraform {
        required_version = ">= 1.6"
        required_providers {
          google = {
            source  = "hashicorp/google"
            version = ">= 6.50, < 7.0"
          }
        }
      }
      """;

  @TempDir Path root;

  private Services services;

  @BeforeEach
  void workspace() {
    var workspace = TestWorkspace.create(root);
    services =
        new Services(new FakeProcessRunner(), new FakeHostProbe(), () -> Optional.of(workspace));
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void theWorkspaceTestConfigIsCleanAndExitsZero() {
    CliRun run = CliRun.of(services, "check");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("No findings at or above low");
  }

  @Test
  void findingsExitOneWithTheFix() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);

    CliRun run = CliRun.of(services, "check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "infra/terraform/modules/vpc/main.tf",
            "3  MEDIUM  net-vpc-custom-mode",
            "fix: Set auto_create_subnetworks = false");
  }

  @Test
  void findingsBelowTheSeverityThresholdDoNotFail() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);

    CliRun run = CliRun.of(services, "check", "--severity", "high");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 below the threshold");
  }

  @Test
  void aMalformedFileExitsTwoAndTheOtherFilesAreStillReported() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);
    write(
        "infra/kubernetes/base/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: x\n");

    CliRun run = CliRun.of(services, "check");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("net-vpc-custom-mode", "infra/kubernetes/base/broken.yaml:4:1: malformed YAML");
  }

  @Test
  void anUnknownRuleExitsTwoWithCloseMatches() {
    CliRun run = CliRun.of(services, "check", "--rule", "gke-private-node");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: unknown rule id 'gke-private-node'", "did you mean gke-private-nodes");
  }

  @Test
  void aMissingDirectoryExitsTwo() {
    CliRun run = CliRun.of(services, "check", root.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such directory");
  }

  @Test
  void skipRuleAndRuleSelectRules() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);

    assertThat(CliRun.of(services, "check", "--skip-rule", "net-vpc-custom-mode").exitCode())
        .isZero();
    assertThat(CliRun.of(services, "check", "--rule", "k8s-run-as-non-root").exitCode()).isZero();
  }

  @Test
  void sarifAndJsonOutputs() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);
    ObjectMapper json = new ObjectMapper();

    CliRun sarif = CliRun.of(services, "check", "-o", "sarif");
    CliRun plain = CliRun.of(services, "check", "--output", "json");

    assertThat(sarif.exitCode()).isEqualTo(1);
    JsonNode log = json.readTree(sarif.out());
    assertThat(
            log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("infra/terraform/modules/vpc/main.tf");
    assertThat(json.readTree(plain.out()).at("/findings/0/rule").asText())
        .isEqualTo("net-vpc-custom-mode");
  }

  @Test
  void writeBaselineThenCheckWithItIsClean() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);
    Path baseline = root.resolve("check-baseline.json");

    CliRun written = CliRun.of(services, "check", "--write-baseline", baseline.toString());
    CliRun again = CliRun.of(services, "check", "--baseline", baseline.toString());

    assertThat(written.exitCode()).isZero();
    assertThat(written.out()).contains("wrote 1 finding to the baseline");
    assertThat(Files.readString(baseline)).contains("net-vpc-custom-mode");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("1 in the baseline");
  }

  @Test
  void aBrokenBaselineExitsTwoWithItsPositionAndStillChecks() throws IOException {
    write("infra/terraform/modules/vpc/main.tf", INSECURE_NETWORK);
    Path baseline = root.resolve("check-baseline.json");
    Files.writeString(baseline, "{\n  \"findings\": [,]\n}\n");

    CliRun run = CliRun.of(services, "check", "--baseline", baseline.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("check-baseline.json:2:", "malformed baseline", "net-vpc-custom-mode");
  }

  @Test
  void listRulesPrintsTheCatalog() {
    CliRun run = CliRun.of(services, "check", "--list-rules");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "gke-private-nodes",
            "high",
            "GKE nodes have no public IP addresses",
            "meta-suppression-reason");
  }

  @Test
  void helpNamesTheOptions() {
    CliRun run = CliRun.of(services, "check", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--severity=LEVEL",
            "--rule=ID",
            "--skip-rule=ID",
            "--baseline=FILE",
            "--write-baseline=FILE",
            "--list-rules",
            "TEXT, JSON, SARIF",
            "CRITICAL");
  }
}
