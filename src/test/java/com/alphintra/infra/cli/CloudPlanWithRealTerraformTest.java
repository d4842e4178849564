package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import com.alphintra.infra.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alphintra cloud plan --env dev} end to end through the real {@code terraform} binary: the
 * check gate on the real tree, {@code terraform init}, {@code plan}, {@code show -json} and the
 * summary, with Google's provider played by ../shared/tools/tf-validate's stand-in (the recorded
 * google 6.50 and random 3.7 schemas) and fake credentials. Two things differ from a real run, both
 * in this test's process runner: the remote state is a local backend (an override file in the
 * staged copy; the {@code -backend-config=bucket=} argument, which a local backend rejects, is
 * dropped), because Cloud Storage is out of reach offline; and {@code gcloud version} is answered
 * for {@code doctor}, as plan never calls gcloud.
 */
class CloudPlanWithRealTerraformTest {

  private static final Path TF_VALIDATE = Path.of("../shared/tools/tf-validate");
  private static final Path SCHEMAS = Path.of("../shared/schemas/terraform-google");

  @TempDir Path root;

  private Process standIn;

  @AfterEach
  void stopTheStandIn() {
    if (standIn != null) {
      standIn.destroy();
    }
  }

  @Test
  void planOfDevRunsThroughTerraformAndPrintsItsSummary() throws Exception {
    Path jar = standInJar();
    stage();
    String reattach = startStandIn(jar);
    ProcessRunner runner = new StandInRunner(reattach);

    CliRun run =
        CliRun.of(
            new Services(runner, new FakeHostProbe(), () -> Optional.of(new Workspace(root))),
            "cloud",
            "plan",
            "--env",
            "dev");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("Terraform has been successfully initialized!")
        .containsPattern("Plan for dev: [1-9][0-9]* to add, 0 to change, 0 to destroy")
        .containsPattern("\n  \\+ (module\\.[a-z_]+\\.)*google_container_cluster\\.")
        .contains("Apply it with: alphintra cloud apply --env dev");
    assertThat(root.resolve(".alphintra/cloud/dev.tfplan")).exists();
  }

  /** The stand-in's jar, built by tf-validate's own run script on first use. */
  private static Path standInJar() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(TF_VALIDATE) && Files.isDirectory(SCHEMAS),
        "../shared/tools/tf-validate or its schemas are absent");
    Assumptions.assumeTrue(
        new SystemProcessRunner().run(Command.of("terraform", "version")).succeeded(),
        "terraform is not installed");
    String cache =
        Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
            .orElse(System.getProperty("user.home") + "/.cache");
    Path jar =
        Path.of(
            Optional.ofNullable(System.getenv("TF_VALIDATE_BUILD_DIR"))
                .orElse(cache + "/tf-validate"),
            "target/tf-validate.jar");
    if (!Files.isRegularFile(jar)) {
      Assumptions.assumeTrue(
          new SystemProcessRunner().run(Command.of("mvn", "--version")).succeeded(),
          "the stand-in provider is not built and mvn is not installed to build it");
      // Validating any root builds the jar.
      new SystemProcessRunner()
          .run(
              Command.of(
                      TF_VALIDATE.resolve("run").toString(),
                      Path.of("infra/terraform/bootstrap").toString())
                  .withTimeout(Duration.ofMinutes(8)));
    }
    Assumptions.assumeTrue(Files.isRegularFile(jar), "the stand-in provider could not be built");
    return jar;
  }

  /** The checkout's infra/ (versions and Terraform), with dev's state in a local backend. */
  private void stage() throws IOException {
    copy(Path.of("infra/versions.yaml"), root.resolve("infra/versions.yaml"));
    TreeCopy.copy(Path.of("infra/terraform"), root.resolve("infra/terraform"));
    Files.writeString(
        root.resolve("infra/terraform/environments/dev/zz_local_backend_override.tf"),
        "terraform {\n  backend \"local\" {}\n}\n");
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private String startStandIn(Path jar) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
    for (String schema : List.of("providers-schema.json", "provider-config-schema.json")) {
      if (Files.isRegularFile(SCHEMAS.resolve(schema))) {
        command.addAll(List.of("--schema", SCHEMAS.resolve(schema).toAbsolutePath().toString()));
      }
    }
    command.addAll(List.of("--parent-pid", Long.toString(ProcessHandle.current().pid())));
    standIn =
        new ProcessBuilder(command).redirectError(root.resolve("stand-in.log").toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line)
        .as("the stand-in's reattach line (log: %s)", root.resolve("stand-in.log"))
        .isNotNull()
        .contains("registry.terraform.io/hashicorp/google");
    assertThat(standIn.waitFor(0, TimeUnit.SECONDS)).isFalse();
    return line;
  }

  /** The real programs, with the stand-in provider and fake credentials for terraform. */
  private record StandInRunner(String reattach) implements ProcessRunner {

    @Override
    public ProcessResult run(Command command) {
      if (command.program().equals("gcloud")) {
        return ProcessResult.exited(
            command, 0, "Google Cloud SDK 528.0.0\n", "", Duration.ofMillis(1));
      }
      Command changed = command;
      if (command.program().equals("terraform")) {
        List<String> arguments =
            command.arguments().stream()
                .filter(argument -> !argument.startsWith("-backend-config="))
                .toList();
        changed =
            new Command(
                    arguments,
                    command.timeout(),
                    command.workingDirectory(),
                    command.environment(),
                    command.lineListener())
                .withEnvironment(
                    Map.of(
                        "TF_REATTACH_PROVIDERS", reattach,
                        "TF_IN_AUTOMATION", "1",
                        "CHECKPOINT_DISABLE", "1",
                        "TF_CLI_CONFIG_FILE", "/dev/null",
                        "GOOGLE_OAUTH_ACCESS_TOKEN", "fake-token-for-the-stand-in"));
      }
      return new SystemProcessRunner().run(changed);
    }
  }
}
