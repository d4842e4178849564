package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.doctor.CheckResult;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.DoctorReport;
import com.alphintra.infra.doctor.RequirementsReader;
import com.alphintra.infra.doctor.Status;
import com.alphintra.infra.doctor.SystemHostProbe;
import com.alphintra.infra.doctor.Target;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs the real terraform when it is on the PATH: its version meets the pin of infra/versions.yaml,
 * and every .tf and .tfvars file under infra/terraform is in `terraform fmt` style, as CI expects.
 */
class TerraformFormatTest {

  @Test
  void terraformOnThePathMeetsThePinnedMinimum() {
    Workspace workspace = Workspace.locate(Path.of(""));
    SystemProcessRunner processes = new SystemProcessRunner();
    DoctorReport report =
        new Doctor(processes, new SystemHostProbe())
            .examine(Target.CLOUD, RequirementsReader.read(workspace));
    CheckResult terraform =
        report.results().stream()
            .filter(result -> result.name().equals("terraform"))
            .findFirst()
            .orElseThrow();

    assumeTrue(
        terraform.status() != Status.MISSING, "terraform is not on the PATH; nothing to run");
    assertThat(terraform.status()).as(terraform.detail()).isEqualTo(Status.OK);
    assertThat(terraform.found()).isPresent();
  }

  @Test
  void terraformFilesAreFormatted() {
    Workspace workspace = Workspace.locate(Path.of(""));
    ProcessResult result =
        new SystemProcessRunner()
            .run(
                Command.of("terraform", "fmt", "-check", "-recursive", "-diff", "infra/terraform")
                    .inDirectory(workspace.root())
                    .withTimeout(Duration.ofMinutes(2)));

    assumeTrue(
        result.status() != ProcessResult.Status.NOT_FOUND,
        "terraform is not on the PATH; install it (see infra/versions.yaml) to check formatting");
    assertThat(result.succeeded())
        .as(
            "terraform fmt found unformatted files; run 'terraform fmt -recursive infra/terraform'.%n%s",
            result.stdout())
        .isTrue();
  }
}
