package com.alphintra.infra.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoctorTest {

  private static final Requirements REQUIREMENTS =
      new Requirements(
          Map.of(
              Tool.JAVA, Version.parse("17"),
              Tool.DOCKER, Version.parse("24.0.0"),
              Tool.K3D, Version.parse("5.8.0"),
              Tool.KUBECTL, Version.parse("1.27.0"),
              Tool.TERRAFORM, Version.parse("1.6.0"),
              Tool.GCLOUD, Version.parse("450.0.0")),
          List.of(80, 443, 5000, 6550),
          Path.of("/data"));

  private final FakeHostProbe host = new FakeHostProbe();

  private static FakeProcessRunner everythingInstalled() {
    return new FakeProcessRunner()
        .succeeds("Docker version 28.2.2, build e6534b4\n", "docker", "--version")
        .succeeds("28.2.2\n", "docker", "info")
        .succeeds("k3d version v5.8.3\nk3s version v1.31.5-k3s1 (default)\n", "k3d", "version")
        .succeeds("Client Version: v1.34.1\nKustomize Version: v5.7.1\n", "kubectl", "version")
        .succeeds("Terraform v1.11.4\non linux_amd64\n", "terraform", "version")
        .succeeds("Google Cloud SDK 528.0.0\n", "gcloud", "version")
        .succeeds(
            "OpenSSL 3.0.17 1 Jul 2025 (Library: OpenSSL 3.0.17 1 Jul 2025)\n",
            "openssl",
            "version");
  }

  private static CheckResult named(DoctorReport report, String name) {
    return report.results().stream()
        .filter(result -> result.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everythingPresentIsReadyForAllTargets() {
    DoctorReport report = new Doctor(everythingInstalled(), host).examine(Target.ALL, REQUIREMENTS);

    assertThat(report.isReady()).isTrue();
    assertThat(report.results())
        .extracting(CheckResult::name)
        .containsExactly(
            "java",
            "docker",
            "docker daemon",
            "k3d",
            "kubectl",
            "terraform",
            "gcloud",
            "gcloud application-default credentials",
            "openssl",
            "cpus",
            "memory",
            "disk",
            "host port 80",
            "host port 443",
            "host port 5000",
            "host port 6550");
    assertThat(named(report, "k3d").found()).contains("5.8.3");
    assertThat(named(report, "docker daemon").found()).contains("28.2.2");
  }

  @Test
  void missingProgramIsReportedWithInstallHintsForLinuxAndMacos() {
    FakeProcessRunner processes = everythingInstalled().missing("k3d");

    DoctorReport report = new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS);

    CheckResult k3d = named(report, "k3d");
    assertThat(k3d.status()).isEqualTo(Status.MISSING);
    assertThat(k3d.found()).isEmpty();
    assertThat(k3d.required()).isEqualTo(">= 5.8.0");
    assertThat(k3d.install())
        .hasValueSatisfying(
            hint -> {
              assertThat(hint.linux()).contains("k3d");
              assertThat(hint.macos()).isEqualTo("brew install k3d");
            });
    assertThat(report.isReady()).isFalse();
  }

  @Test
  void olderVersionThanTheMinimumIsTooOld() {
    FakeProcessRunner processes =
        everythingInstalled().succeeds("k3d version v5.4.9\n", "k3d", "version");

    CheckResult k3d = named(new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS), "k3d");

    assertThat(k3d.status()).isEqualTo(Status.TOO_OLD);
    assertThat(k3d.found()).contains("5.4.9");
    assertThat(k3d.detail()).contains("older than 5.8.0");
  }

  @Test
  void versionsCompareNumericallyNotAsText() {
    FakeProcessRunner processes =
        everythingInstalled().succeeds("k3d version v5.10.0\n", "k3d", "version");

    assertThat(named(new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS), "k3d").isOk())
        .isTrue();
  }

  @Test
  void dockerCliWithoutDaemonIsUnavailableWithHowToStartIt() {
    FakeProcessRunner processes =
        everythingInstalled()
            .fails(
                1,
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.",
                "docker",
                "info");

    CheckResult daemon =
        named(new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS), "docker daemon");

    assertThat(daemon.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(daemon.detail()).contains("Cannot connect to the Docker daemon");
    assertThat(daemon.install())
        .hasValueSatisfying(hint -> assertThat(hint.linux()).contains("systemctl start docker"));
  }

  @Test
  void missingDockerSkipsTheDaemonProbe() {
    FakeProcessRunner processes = everythingInstalled().missing("docker");

    DoctorReport report = new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS);

    assertThat(report.results()).extracting(CheckResult::name).doesNotContain("docker daemon");
    assertThat(processes.commandLines()).noneMatch(line -> line.startsWith("docker info"));
  }

  @Test
  void hangingProbeIsReportedAsTimedOutWithItsTimeout() {
    FakeProcessRunner processes =
        everythingInstalled().hangs("docker", "info").hangs("gcloud", "version");

    DoctorReport report = new Doctor(processes, host).examine(Target.ALL, REQUIREMENTS);

    assertThat(named(report, "docker daemon").status()).isEqualTo(Status.TIMED_OUT);
    assertThat(named(report, "gcloud").status()).isEqualTo(Status.TIMED_OUT);
    assertThat(processes.calls())
        .allSatisfy(
            command -> assertThat(command.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void programPrintingNoVersionIsUnavailable() {
    FakeProcessRunner processes =
        everythingInstalled().fails(127, "segmentation fault", "kubectl", "version");

    CheckResult kubectl =
        named(new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS), "kubectl");

    assertThat(kubectl.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(kubectl.detail()).contains("printed no version");
  }

  @Test
  void localTargetChecksNeitherTerraformNorGcloud() {
    FakeProcessRunner processes = everythingInstalled();

    DoctorReport report = new Doctor(processes, host).examine(Target.LOCAL, REQUIREMENTS);

    assertThat(report.results())
        .extracting(CheckResult::name)
        .doesNotContain("terraform", "gcloud", "openssl");
    assertThat(processes.commandLines())
        .noneMatch(line -> line.startsWith("terraform") || line.startsWith("gcloud"));
  }

  @Test
  void cloudTargetChecksNoHostResourcesAndNoPorts() {
    DoctorReport report =
        new Doctor(everythingInstalled(), host).examine(Target.CLOUD, REQUIREMENTS);

    assertThat(report.results())
        .extracting(CheckResult::name)
        .containsExactly(
            "java", "terraform", "gcloud", "gcloud application-default credentials", "openssl");
  }

  @Test
  void opensslOfAnyVersionIsEnoughAndItsVersionIsShown() {
    FakeProcessRunner processes =
        everythingInstalled().succeeds("LibreSSL 3.3.6\n", "openssl", "version");

    CheckResult openssl =
        named(new Doctor(processes, host).examine(Target.CLOUD, REQUIREMENTS), "openssl");

    assertThat(openssl.isOk()).isTrue();
    assertThat(openssl.found()).contains("3.3.6");
    assertThat(openssl.required()).isEqualTo("any version");
  }

  @Test
  void missingOpensslBlocksTheCloudTargetWithHowToInstallIt() {
    FakeProcessRunner processes = everythingInstalled().missing("openssl");

    DoctorReport report = new Doctor(processes, host).examine(Target.CLOUD, REQUIREMENTS);

    CheckResult openssl = named(report, "openssl");
    assertThat(openssl.status()).isEqualTo(Status.MISSING);
    assertThat(openssl.detail()).isEqualTo("'openssl' is not on the PATH");
    assertThat(openssl.install())
        .hasValueSatisfying(
            hint -> {
              assertThat(hint.linux()).contains("apt-get install openssl");
              assertThat(hint.macos()).contains("brew install openssl@3");
            });
    assertThat(report.isReady()).isFalse();
  }

  @Test
  void opensslPrintingNoVersionIsUnavailable() {
    FakeProcessRunner processes =
        everythingInstalled()
            .fails(1, "error while loading shared libraries", "openssl", "version");

    CheckResult openssl =
        named(new Doctor(processes, host).examine(Target.CLOUD, REQUIREMENTS), "openssl");

    assertThat(openssl.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(openssl.install()).isPresent();
  }

  @Test
  void missingApplicationDefaultCredentialsSaysHowToLogIn() {
    host.credentials = Optional.empty();

    CheckResult adc =
        named(
            new Doctor(everythingInstalled(), host).examine(Target.CLOUD, REQUIREMENTS),
            "gcloud application-default credentials");

    assertThat(adc.status()).isEqualTo(Status.MISSING);
    assertThat(adc.install())
        .hasValueSatisfying(
            hint -> assertThat(hint.linux()).isEqualTo("gcloud auth application-default login"));
  }

  @Test
  void busyHostPortIsReportedWithHowToFindItsOwner() {
    host.busyPorts.add(443);

    DoctorReport report =
        new Doctor(everythingInstalled(), host).examine(Target.LOCAL, REQUIREMENTS);

    CheckResult port = named(report, "host port 443");
    assertThat(port.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(port.install())
        .hasValueSatisfying(hint -> assertThat(hint.linux()).contains(":443"));
    assertThat(named(report, "host port 80").isOk()).isTrue();
  }

  @Test
  void tooFewResourcesAreReportedAgainstTheStatedMinimums() {
    host.cpus = 1;
    host.memoryBytes = 4L << 30;
    host.diskBytes = 5L << 30;

    DoctorReport report =
        new Doctor(everythingInstalled(), host).examine(Target.LOCAL, REQUIREMENTS);

    assertThat(named(report, "cpus").status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(named(report, "memory").found()).contains("4.0 GiB");
    assertThat(named(report, "memory").required()).isEqualTo(">= 8.0 GiB");
    assertThat(named(report, "disk").isOk()).isFalse();
  }

  @Test
  void oldJavaRuntimeIsTooOld() {
    host.javaVersion = "11.0.22+7";

    CheckResult java =
        named(new Doctor(everythingInstalled(), host).examine(Target.CLOUD, REQUIREMENTS), "java");

    assertThat(java.status()).isEqualTo(Status.TOO_OLD);
  }
}
