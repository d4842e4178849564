package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrapper scripts and the end-to-end script are shellcheck-clean; skipped where shellcheck is
 * absent.
 */
class ShellScriptsTest {

  static final List<String> SCRIPTS =
      List.of(
          "infra/kubernetes/local-k3d/setup.sh",
          "infra/kubernetes/local-k3d/istio-setup.sh",
          "infra/kubernetes/local-k3d/access-istio-addons.sh",
          "scripts/e2e-local.sh");

  @Test
  void scriptsAreShellcheckClean() throws Exception {
    assumeTrue(onPath("shellcheck"), "shellcheck is not installed (apt-get install -y shellcheck)");
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    command.addAll(SCRIPTS);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void wrappersCallTheCliThroughTheLauncher() throws Exception {
    assertThat(Files.readString(Path.of(SCRIPTS.get(0)))).contains("\"$root/alphintra\" up \"$@\"");
    assertThat(Files.readString(Path.of(SCRIPTS.get(1))))
        .contains("\"$root/alphintra\" up --only istio");
    assertThat(Files.readString(Path.of(SCRIPTS.get(2))))
        .contains("\"$root/alphintra\" access \"$@\"");
    for (String script : SCRIPTS) {
      assertThat(Files.isExecutable(Path.of(script))).as(script).isTrue();
    }
  }

  /**
   * Runs a wrapper from a copy of the checkout whose launcher only prints its arguments: what the
   * wrapper passes on is what the CLI would get.
   */
  private String passedOn(String script, String... arguments) throws Exception {
    Path copy = checkout.resolve(script);
    Files.createDirectories(copy.getParent());
    Files.copy(Path.of(script), copy, StandardCopyOption.REPLACE_EXISTING);
    Path launcher = checkout.resolve("alphintra");
    Files.writeString(launcher, "#!/bin/sh\necho \"$@\"\n");
    launcher.toFile().setExecutable(true);
    List<String> command = new ArrayList<>(List.of("bash", copy.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.strip();
  }

  @TempDir Path checkout;

  @Test
  void accessPassesEveryArgumentOnAndDefaultsToAll() throws Exception {
    assumeTrue(onPath("bash"), "bash is not installed");
    assertThat(passedOn(SCRIPTS.get(2))).isEqualTo("access all");
    assertThat(passedOn(SCRIPTS.get(2), "grafana", "--context", "k3d-other"))
        .isEqualTo("access grafana --context k3d-other");
  }

  @Test
  void istioSetupPassesItsArgumentsOn() throws Exception {
    assumeTrue(onPath("bash"), "bash is not installed");
    assertThat(passedOn(SCRIPTS.get(1), "--dry-run")).isEqualTo("up --only istio --dry-run");
  }

  /** Runs the end-to-end script with only the given fake programs (and the system's basics). */
  private Process e2eWith(Path bin) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.get(3)).redirectErrorStream(true);
    builder.environment().put("PATH", bin + File.pathSeparator + "/usr/bin:/bin");
    builder.environment().put("E2E_TIMINGS_FILE", checkout.resolve("timings.json").toString());
    return builder.start();
  }

  private Path fakeBin(String... programsAndExitCodes) throws Exception {
    Path bin = Files.createDirectories(checkout.resolve("bin"));
    for (int i = 0; i < programsAndExitCodes.length; i += 2) {
      Path program = bin.resolve(programsAndExitCodes[i]);
      Files.writeString(program, "#!/bin/sh\nexit " + programsAndExitCodes[i + 1] + "\n");
      program.toFile().setExecutable(true);
    }
    return bin;
  }

  @Test
  void theEndToEndTestExitsThreeWithoutADockerDaemon() throws Exception {
    assumeTrue(onPath("bash"), "bash is not installed");
    Process process = e2eWith(fakeBin("docker", "1"));
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(3);
    assertThat(output).contains("no Docker daemon reachable", "hint: start Docker");
    assertThat(checkout.resolve("timings.json")).doesNotExist();
  }

  @Test
  void theEndToEndTestExitsThreeWithoutK3d() throws Exception {
    assumeTrue(onPath("bash"), "bash is not installed");
    assumeTrue(!Files.exists(Path.of("/usr/bin/k3d")) && !Files.exists(Path.of("/bin/k3d")));
    Process process = e2eWith(fakeBin("docker", "0"));
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(3);
    assertThat(output).contains("k3d is not installed");
  }

  private static boolean onPath(String program) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, program))) {
        return true;
      }
    }
    return false;
  }
}
