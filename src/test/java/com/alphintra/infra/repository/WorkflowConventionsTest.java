package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.workspace.PinnedVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workflows pin every action by commit, grant permissions per job only, install exactly the
 * tool versions of infra/versions.yaml, plan and apply as the README says (apply only from main,
 * prod behind its environment, one apply per environment at a time).
 */
class WorkflowConventionsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/github/fixtures");

  private final List<GithubWorkflows.Workflow> workflows = GithubWorkflows.all();
  private final GithubWorkflows.Workflow drifted =
      GithubWorkflows.read(FIXTURES.resolve("drifted-workflow.yml"));

  private static Map<String, String> pins() {
    return PinnedVersions.read(InfraTree.repositoryRoot().resolve("infra/versions.yaml")).entries();
  }

  private GithubWorkflows.Workflow workflow(String name) {
    return workflows.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theWorkflowsTheReadmeNamesExist() {
    assertThat(workflows)
        .extracting(GithubWorkflows.Workflow::name)
        .contains(
            "verify.yml",
            "check.yml",
            "local-e2e.yml",
            "terraform.yml",
            "terraform-apply.yml",
            "images.yml");
  }

  @Test
  void everyThirdPartyActionIsPinnedByCommitWithItsRelease() {
    assertThat(GithubWorkflows.unpinnedActions(workflows)).isEmpty();
    assertThat(workflows.stream().flatMap(w -> GithubWorkflows.actionUses(w).stream()))
        .isNotEmpty();
  }

  @Test
  void aTagOrABareShaOrTwoCommitsForOneReleaseAreReported() {
    assertThat(GithubWorkflows.unpinnedActions(List.of(drifted)))
        .containsExactly(
            "drifted-workflow.yml:16: actions/checkout is not pinned by a full commit SHA",
            "drifted-workflow.yml:17: actions/setup-java has no '# vX.Y.Z' release comment",
            "drifted-workflow.yml:24: actions/upload-artifact@v7.0.0 pinned to two different"
                + " commits");
  }

  @Test
  void permissionsAreGrantedPerJobOnly() {
    assertThat(GithubWorkflows.permissionProblems(workflows)).isEmpty();
  }

  @Test
  void workflowWidePermissionsAndJobsWithoutTheirOwnAreReported() {
    assertThat(GithubWorkflows.permissionProblems(List.of(drifted)))
        .containsExactly(
            "drifted-workflow.yml: top-level permissions must be {} (grant per job)",
            "drifted-workflow.yml job build: no permissions: of its own",
            "drifted-workflow.yml job release: contents: write");
  }

  @Test
  void theWorkflowsInstallTheVersionsOfVersionsYaml() {
    Map<String, String> pins = pins();
    assertThat(pins)
        .containsKeys(
            "tools.k3d.tested",
            "tools.k3d.linuxAmd64Sha256",
            "tools.kubectl.tested",
            "tools.kubectl.linuxAmd64Sha256",
            "tools.terraform.tested",
            "tools.java.minimum");
    assertThat(GithubWorkflows.versionMismatches(workflows, pins)).isEmpty();
    GithubWorkflows.Workflow e2e = workflow("local-e2e.yml");
    assertThat(e2e.env())
        .containsEntry("K3D_VERSION", pins.get("tools.k3d.tested"))
        .containsEntry("KUBECTL_VERSION", pins.get("tools.kubectl.tested"));
    assertThat(e2e.text())
        .contains("releases/download/v${K3D_VERSION}/k3d-linux-amd64")
        .contains("release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl");
  }

  @Test
  void versionsThatDriftFromVersionsYamlAreReported() {
    assertThat(GithubWorkflows.versionMismatches(List.of(drifted), pins()))
        .containsExactlyInAnyOrder(
            "drifted-workflow.yml: K3D_VERSION is 5.8.0, infra/versions.yaml: "
                + pins().get("tools.k3d.tested"),
            "drifted-workflow.yml: TERRAFORM_VERSION is 1.9.0, infra/versions.yaml: "
                + pins().get("tools.terraform.tested"),
            "drifted-workflow.yml: installs kubectl without KUBECTL_VERSION",
            "drifted-workflow.yml: installs kubectl without KUBECTL_SHA256",
            "drifted-workflow.yml job build step 2: java-version 21, infra/versions.yaml"
                + " tools.java.minimum: "
                + pins().get("tools.java.minimum"),
            "drifted-workflow.yml job build step 5: setup-terraform must install"
                + " ${{ env.TERRAFORM_VERSION }}");
  }

  @Test
  void applyRunsOnlyFromMainInItsEnvironmentOneAtATime() {
    Map<String, Object> apply = workflow("terraform-apply.yml").jobs().get("apply");
    assertThat(apply.get("if")).asString().contains("github.ref == 'refs/heads/main'");
    assertThat(apply.get("environment")).isEqualTo("${{ inputs.environment }}");
    assertThat(GithubWorkflows.map(apply.get("concurrency")))
        .containsEntry("group", "terraform-apply-${{ inputs.environment }}")
        .containsEntry("cancel-in-progress", false);
    assertThat(GithubWorkflows.map(apply.get("permissions")))
        .containsOnly(Map.entry("contents", "read"), Map.entry("id-token", "write"));
    assertThat(workflow("terraform-apply.yml").text())
        .contains(".github/scripts/timed-apply.sh \"$ENVIRONMENT\"");
  }

  @Test
  void environmentsAreAppliedInOrderWithProdLast() {
    Map<String, Map<String, Object>> jobs = workflow("terraform.yml").jobs();
    assertThat(jobs.get("apply-dev").get("if"))
        .asString()
        .contains("github.ref == 'refs/heads/main'");
    assertThat(jobs.get("apply-staging").get("needs")).isEqualTo("apply-dev");
    assertThat(jobs.get("apply-prod").get("needs")).isEqualTo("apply-staging");
    assertThat(jobs.get("images").get("needs")).isEqualTo("apply-dev");
    for (String env : List.of("dev", "staging", "prod")) {
      Map<String, Object> job = jobs.get("apply-" + env);
      assertThat(job.get("uses")).isEqualTo("./.github/workflows/terraform-apply.yml");
      assertThat(GithubWorkflows.map(job.get("with"))).containsEntry("environment", env);
    }
    // cloud-outputs.env is git-ignored: the job writes it (the registry) before pushing.
    String images = workflow("images.yml").text();
    assertThat(images).contains("./alphintra cloud images --env dev");
    assertThat(images.indexOf("run: ./alphintra cloud outputs --env dev"))
        .isPositive()
        .isLessThan(images.indexOf("run: ./alphintra cloud images --env dev"));
  }

  @Test
  void onlyChangesThatCanChangeADeploymentStartTheTerraformWorkflow() {
    Map<String, Object> on = GithubWorkflows.map(workflow("terraform.yml").yaml().get("on"));
    for (String event : List.of("pull_request", "push")) {
      List<Object> paths = GithubWorkflows.list(GithubWorkflows.map(on.get(event)).get("paths"));
      assertThat(paths)
          .as(event)
          .contains("infra/**", "services/**", "src/main/**", ".github/scripts/**")
          .doesNotContain("**.md", "docs/**");
    }
  }

  @Test
  void everyEnvironmentIsValidatedAndPlannedThroughWorkloadIdentity() {
    Map<String, Map<String, Object>> jobs = workflow("terraform.yml").jobs();
    for (String job : List.of("static", "plan")) {
      assertThat(
              GithubWorkflows.map(GithubWorkflows.map(jobs.get(job).get("strategy")).get("matrix")))
          .containsEntry("environment", List.of("dev", "staging", "prod"));
    }
    String text = workflow("terraform.yml").text();
    assertThat(text)
        .contains("terraform fmt -check")
        .contains("init -backend=false")
        .contains("validate")
        .contains("./alphintra cloud plan --env \"$ENVIRONMENT\" --output json")
        .contains("workload_identity_provider: ${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}")
        .contains("service_account: ${{ vars.GCP_DEPLOYER_SERVICE_ACCOUNT }}")
        .contains("require('./.github/scripts/plan-comment.cjs')");
    assertThat(GithubWorkflows.map(jobs.get("plan").get("permissions")))
        .containsOnly(
            Map.entry("contents", "read"),
            Map.entry("id-token", "write"),
            Map.entry("pull-requests", "write"));
  }

  @Test
  void checkUploadsSarifAndLocalE2eKeepsTimingsAndDiagnostics() {
    assertThat(workflow("check.yml").text())
        .contains("./alphintra check --output sarif")
        .contains("github/codeql-action/upload-sarif@");
    assertThat(GithubWorkflows.map(workflow("check.yml").jobs().get("check").get("permissions")))
        .containsEntry("security-events", "write");
    assertThat(workflow("local-e2e.yml").text())
        .contains("run: scripts/e2e-local.sh")
        .contains("E2E_TIMINGS_FILE: target/e2e-timings.json")
        .contains("collect-diagnostics.sh");
    assertThat(workflow("verify.yml").text()).contains("run: .ci/run").contains("cache: maven");
  }
}
