package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path root;

  private Services services() {
    var workspace = TestWorkspace.create(root);
    return new Services(new FakeProcessRunner(), new FakeHostProbe(), () -> Optional.of(workspace));
  }

  @Test
  void unknownCommandIsAUsageErrorOnStandardError() {
    CliRun run = CliRun.of(services(), "frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("Unmatched argument at index 0: 'frobnicate'", "Usage: alphintra");
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of(services(), "doctor", "--frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--frobnicate'", "Usage: alphintra doctor");
  }

  @Test
  void badOptionValueListsTheAllowedValues() {
    CliRun run = CliRun.of(services(), "doctor", "--target", "mars");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--target'", "LOCAL", "CLOUD", "ALL");
  }

  @Test
  void noCommandShowsTheCommandsAndIsAUsageError() {
    CliRun run = CliRun.of(services());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Commands:", "doctor", "a command is required");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of(services(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Exit codes:", "0   Success.", "3   Missing prerequisites.");
  }

  @Test
  void versionPrintsTheToolVersionAndThePins() {
    CliRun run = CliRun.of(services(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("alphintra ").contains("kubernetes.istio.version: 1.30.4");
  }

  @Test
  void versionOutsideACheckoutSaysSo() {
    Services outside = new Services(new FakeProcessRunner(), new FakeHostProbe(), Optional::empty);

    CliRun run = CliRun.of(outside, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("no infra/versions.yaml found");
  }

  @Test
  void completionScriptIsGenerated() {
    CliRun run = CliRun.of(services(), "generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F _complete_alphintra", "doctor");
  }
}
