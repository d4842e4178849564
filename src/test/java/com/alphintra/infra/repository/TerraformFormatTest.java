package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keeps every .tf and .tfvars file under infra/terraform in `terraform fmt` style, as CI expects. */
class TerraformFormatTest {

  @Test
  void terraformFilesAreFormatted() {
    Workspace workspace = Workspace.locate(Path.of(""));
    ProcessResult result = new SystemProcessRunner().run(
        Command.of("terraform", "fmt", "-check", "-recursive", "-diff", "infra/terraform")
            .inDirectory(workspace.root())
            .withTimeout(Duration.ofMinutes(2)));

    assumeTrue(result.status() != ProcessResult.Status.NOT_FOUND,
        "terraform is not on the PATH; install it (see infra/versions.yaml) to check formatting");
    assertThat(result.succeeded())
        .as("terraform fmt found unformatted files; run 'terraform fmt -recursive infra/terraform'.%n%s",
            result.stdout())
        .isTrue();
  }
}
