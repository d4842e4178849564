package com.alphintra.infra.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.doctor.Requirements;
import com.alphintra.infra.doctor.Tool;
import com.alphintra.infra.doctor.Version;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.FakeProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudWorkflowTest {

  private static final String OUTPUTS =
      """
      {"gke_cluster_name": {"sensitive": false, "type": "string", "value": "alphintra-dev"},
       "gke_location": {"sensitive": false, "type": "string", "value": "europe-west2-a"},
       "gke_private_endpoint_enabled": {"sensitive": false, "type": "bool", "value": true},
       "state_bucket": {"sensitive": false, "type": "string", "value": "alphintra-dev-tfstate"}}
      """;

  @TempDir Path root;

  private FakeProcessRunner processes;
  private final FakeHostProbe host = new FakeHostProbe();
  private final List<String> console = new ArrayList<>();
  private GateVerdict verdict = new GateVerdict(List.of(), 0);
  private Path dev;
  private Path prod;

  @BeforeEach
  void toolsInstalled() throws Exception {
    java.nio.file.Files.createDirectories(root.resolve("infra/kubernetes/overlays/dev"));
    dev = root.resolve("infra/terraform/environments/dev");
    prod = root.resolve("infra/terraform/environments/prod");
    processes =
        new FakeProcessRunner()
            .succeeds("Terraform v1.11.4\n", "terraform", "version")
            .succeeds("Google Cloud SDK 528.0.0\n", "gcloud", "version")
            .succeeds("OpenSSL 3.0.17 1 Jul 2025 (Library: OpenSSL 3.0.17)\n", "openssl", "version")
            .succeeds("Initialized\n", "terraform", "-chdir=" + dev, "init")
            .succeeds("Plan: 2 to add\n", "terraform", "-chdir=" + dev, "plan")
            .succeeds(
                PlanSummaryTest.resource("plan-dev.json"), "terraform", "-chdir=" + dev, "show")
            .succeeds("Apply complete!\n", "terraform", "-chdir=" + dev, "apply")
            .succeeds(OUTPUTS, "terraform", "-chdir=" + dev, "output")
            .succeeds(
                PlanSummaryTest.resource("state-dev.json"), "terraform", "-chdir=" + dev, "state")
            .succeeds("Initialized\n", "terraform", "-chdir=" + prod, "init")
            .succeeds("Plan\n", "terraform", "-chdir=" + prod, "plan")
            .succeeds(
                PlanSummaryTest.resource("destroy-prod.json"),
                "terraform",
                "-chdir=" + prod,
                "show")
            .succeeds("Apply complete!\n", "terraform", "-chdir=" + prod, "apply")
            .succeeds("Fetching cluster endpoint and auth data.\n", "gcloud", "container")
            .succeeds("", "kubectl", "config");
  }

  private CloudWorkflow workflow() {
    Map<Tool, Version> minimums = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      minimums.put(tool, Version.parse("1.0"));
    }
    Requirements requirements = new Requirements(minimums, List.of(), root);
    return new CloudWorkflow(
        processes,
        new Doctor(processes, host),
        requirements,
        environment -> verdict,
        environment ->
            new EnvironmentSettings(
                environment,
                root.resolve("infra/terraform/environments/" + environment.id()),
                "alphintra-" + environment.id()),
        root.resolve("infra/terraform/bootstrap"),
        root.resolve(".alphintra/cloud"),
        root.resolve("infra/kubernetes/overlays"));
  }

  private List<String> terraformCalls() {
    return processes.commandLines().stream()
        .filter(
            line ->
                line.startsWith("terraform -chdir")
                    || line.startsWith("gcloud container")
                    || line.startsWith("kubectl"))
        .map(line -> line.replace(root.toString(), "ROOT"))
        .toList();
  }

  @Test
  void planInitialisesWithTheEnvironmentsStateBucketSavesThePlanAndSummarisesIt() {
    PlanReport report =
        workflow().plan(Environment.DEV, Optional.empty(), Optional.empty(), console::add);

    assertThat(terraformCalls())
        .containsExactly(
            "terraform -chdir=ROOT/infra/terraform/environments/dev init -input=false -reconfigure"
                + " -backend-config=bucket=alphintra-dev-tfstate",
            "terraform -chdir=ROOT/infra/terraform/environments/dev plan -input=false -lock-timeout=5m"
                + " -out=ROOT/.alphintra/cloud/dev.tfplan",
            "terraform -chdir=ROOT/infra/terraform/environments/dev show -json ROOT/.alphintra/cloud/dev.tfplan");
    assertThat(report.applied()).isFalse();
    assertThat(report.summary().toAdd()).isEqualTo(2);
    assertThat(report.planFile()).isEqualTo(root.resolve(".alphintra/cloud/dev.tfplan"));
  }

  @Test
  void terraformOutputStreamsToTheConsoleButThePlanJsonDoesNot() {
    workflow().plan(Environment.DEV, Optional.empty(), Optional.empty(), console::add);

    assertThat(console).contains("Initialized", "Plan: 2 to add");
    assertThat(String.join("\n", console)).doesNotContain("s3cr3t-in-clear");
  }

  @Test
  void applyAppliesExactlyTheSavedPlan() {
    PlanReport report =
        workflow()
            .apply(
                Environment.DEV,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                console::add);

    assertThat(terraformCalls())
        .endsWith(
            "terraform -chdir=ROOT/infra/terraform/environments/dev apply -input=false -lock-timeout=5m"
                + " ROOT/.alphintra/cloud/dev.tfplan",
            "terraform -chdir=ROOT/infra/terraform/environments/dev state pull");
    assertThat(report.applied()).isTrue();
  }

  @Test
  void applyWritesTheOutputsIntoTheOverlayWithTheStateSerial() throws Exception {
    workflow()
        .apply(Environment.DEV, Optional.empty(), Optional.empty(), Optional.empty(), console::add);

    Path file = root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env");
    String written = java.nio.file.Files.readString(file);
    assertThat(written)
        .contains(
            "STATE_SERIAL=42\n",
            "STATE_LINEAGE=6b3e2f0a-1c4d-4e5f-9a8b-7c6d5e4f3a2b\n",
            "PROJECT_ID=acme-trading-dev\n",
            "REGISTRY=europe-west2-docker.pkg.dev/acme-trading-dev/alphintra\n",
            "CLOUDSQL_CIDR=10.10.32.3/32\n",
            "REDIS_PORT=6378\n",
            "GSA_RISK_SERVICE=risk-service-dev@acme-trading-dev.iam.gserviceaccount.com\n",
            "SECRET_CLOUDSQL_SERVER_CA=alphintra-dev-cloudsql-server-ca\n")
        .doesNotContain("s3cr3t-in-clear");
    assertThat(String.join("\n", console)).contains("wrote ").doesNotContain("s3cr3t-in-clear");
  }

  @Test
  void applyWithNothingToChangeStillWritesTheOutputs() throws Exception {
    processes.succeeds(
        "{\"format_version\": \"1.2\", \"resource_changes\": []}",
        "terraform",
        "-chdir=" + dev,
        "show");

    workflow()
        .apply(Environment.DEV, Optional.empty(), Optional.empty(), Optional.empty(), console::add);

    assertThat(root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env")).exists();
  }

  @Test
  void outputsFromTheStateInitialiseFirstAndNeverStreamTheState() throws Exception {
    OutputsReport report = workflow().outputs(Environment.DEV, Optional.empty(), console::add);

    assertThat(terraformCalls())
        .containsExactly(
            "terraform -chdir=ROOT/infra/terraform/environments/dev init -input=false -reconfigure"
                + " -backend-config=bucket=alphintra-dev-tfstate",
            "terraform -chdir=ROOT/infra/terraform/environments/dev state pull");
    assertThat(report.state())
        .contains(new StateVersion("6b3e2f0a-1c4d-4e5f-9a8b-7c6d5e4f3a2b", 42));
    assertThat(String.join("\n", console)).doesNotContain("s3cr3t-in-clear");
  }

  @Test
  void outputsFromASavedOutputJsonNeedNoTerraformAndRecordNoSerial(@TempDir Path other)
      throws Exception {
    Path saved =
        java.nio.file.Files.writeString(
            other.resolve("out.json"), PlanSummaryTest.resource("output-dev.json"));

    OutputsReport report = workflow().outputs(Environment.DEV, Optional.of(saved), console::add);

    assertThat(processes.calls()).isEmpty();
    assertThat(report.state()).isEmpty();
    assertThat(java.nio.file.Files.readString(report.file()))
        .contains("STATE_SERIAL=\n", "SOURCE=terraform-output\n");
  }

  @Test
  void outputsFromAMissingOrMalformedFileAreInputErrors(@TempDir Path other) throws Exception {
    assertThatThrownBy(
            () ->
                workflow()
                    .outputs(
                        Environment.DEV, Optional.of(other.resolve("none.json")), console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot read");
    Path garbage = java.nio.file.Files.writeString(other.resolve("bad.json"), "Error: no state\n");
    assertThatThrownBy(
            () -> workflow().outputs(Environment.DEV, Optional.of(garbage), console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not JSON");
    Path partial =
        java.nio.file.Files.writeString(
            other.resolve("partial.json"),
            PlanSummaryTest.resource("output-dev.json")
                .replace("\"redis_host\"", "\"redis_hostname\""));
    assertThatThrownBy(
            () -> workflow().outputs(Environment.DEV, Optional.of(partial), console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("output 'redis_host' is missing");
    assertThat(root.resolve("infra/kubernetes/overlays/dev/cloud-outputs.env")).doesNotExist();
  }

  @Test
  void outputsOfAnEnvironmentNeverAppliedSayToApplyFirst() {
    processes.succeeds("", "terraform", "-chdir=" + dev, "state");

    assertThatThrownBy(() -> workflow().outputs(Environment.DEV, Optional.empty(), console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("no Terraform state yet");
  }

  @Test
  void failedStatePullIsAFailure() {
    processes.fails(1, "Error: Failed to load state: 403", "terraform", "-chdir=" + dev, "state");

    assertThatThrownBy(() -> workflow().outputs(Environment.DEV, Optional.empty(), console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("terraform state pull failed");
  }

  @Test
  void varFileIsPassedToThePlan(@TempDir Path other) throws Exception {
    Path varFile =
        java.nio.file.Files.writeString(other.resolve("extra.tfvars"), "node_count = 2\n");

    workflow().plan(Environment.DEV, Optional.of(varFile), Optional.empty(), console::add);

    assertThat(processes.commandLines())
        .anyMatch(line -> line.contains("plan") && line.contains("-var-file=" + varFile));
  }

  @Test
  void missingVarFileIsAnInputErrorBeforeAnythingRuns() {
    assertThatThrownBy(
            () ->
                workflow()
                    .plan(
                        Environment.DEV,
                        Optional.of(root.resolve("nope.tfvars")),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(InputException.class);
    assertThat(terraformCalls()).isEmpty();
  }

  @Test
  void highFindingsRefuseBeforeTerraformRuns() {
    verdict =
        new GateVerdict(
            List.of("HIGH gke-private-nodes modules/gke/main.tf:12 nodes have public IPs"), 3);

    assertThatThrownBy(
            () ->
                workflow().plan(Environment.DEV, Optional.empty(), Optional.empty(), console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("1 finding(s) at HIGH or above")
        .hasMessageContaining("gke-private-nodes");
    assertThat(terraformCalls()).isEmpty();
  }

  @Test
  void acceptedFindingsGoAheadAndTheReasonIsKept() {
    verdict =
        new GateVerdict(
            List.of("HIGH gke-private-nodes modules/gke/main.tf:12 nodes have public IPs"), 0);

    PlanReport report =
        workflow()
            .plan(
                Environment.DEV,
                Optional.empty(),
                Optional.of("CHG-4711 approved by SecOps"),
                console::add);

    assertThat(report.acceptedFindingsReason()).contains("CHG-4711 approved by SecOps");
    assertThat(report.gate().blocking()).hasSize(1);
  }

  @Test
  void blankAcceptReasonIsAnInputError() {
    assertThatThrownBy(
            () ->
                workflow().plan(Environment.DEV, Optional.empty(), Optional.of(" "), console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("needs a reason");
  }

  @Test
  void missingTerraformStopsWithMissingPrerequisites() {
    processes.missing("terraform", "version");

    assertThatThrownBy(
            () ->
                workflow().plan(Environment.DEV, Optional.empty(), Optional.empty(), console::add))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("terraform");
  }

  @Test
  void applyOnProdWithoutConfirmationRunsNothing() {
    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.PROD,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("needs --confirm prod");
    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.PROD,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("staging"),
                        console::add))
        .isInstanceOf(InputException.class);
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void failedInitStopsBeforeThePlan() {
    processes.fails(
        1,
        "Error: Failed to get existing workspaces: storage: bucket doesn't exist",
        "terraform",
        "-chdir=" + dev,
        "init");

    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.DEV,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("terraform init failed")
        .hasMessageContaining("bucket doesn't exist");
    assertThat(terraformCalls())
        .noneMatch(line -> line.contains(" plan ") || line.contains(" apply "));
  }

  @Test
  void failedPlanAppliesNothing() {
    processes.fails(1, "Error: Invalid value for variable", "terraform", "-chdir=" + dev, "plan");

    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.DEV,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("terraform plan failed");
    assertThat(terraformCalls()).noneMatch(line -> line.contains(" apply "));
  }

  @Test
  void failedShowAppliesNothing() {
    processes.fails(1, "Error: plan file corrupt", "terraform", "-chdir=" + dev, "show");

    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.DEV,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("terraform show");
    assertThat(terraformCalls()).noneMatch(line -> line.contains(" apply "));
  }

  @Test
  void failedApplyIsAFailureNamingTerraformsError() {
    processes.fails(
        1, "Error: googleapi: Error 403: Permission denied", "terraform", "-chdir=" + dev, "apply");

    assertThatThrownBy(
            () ->
                workflow()
                    .apply(
                        Environment.DEV,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("Permission denied");
  }

  @Test
  void destroyOfProtectedResourcesNamesThemAndDestroysNothing() {
    assertThatThrownBy(
            () ->
                workflow()
                    .destroy(
                        Environment.PROD,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("prod"),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("module.gke.google_container_cluster.primary")
        .hasMessageContaining("module.cloudsql.google_sql_database_instance.main");
    assertThat(terraformCalls())
        .anyMatch(line -> line.contains(" plan ") && line.contains("-destroy"))
        .noneMatch(line -> line.contains(" apply "));
  }

  @Test
  void destroyBlockedByALockedAuditLogBucketSaysHowToKeepIt() {
    processes.succeeds(
        PlanSummaryTest.resource("destroy-locked-bucket.json"),
        "terraform",
        "-chdir=" + prod,
        "show");

    assertThatThrownBy(
            () ->
                workflow()
                    .destroy(
                        Environment.PROD,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("prod"),
                        console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("google_logging_project_bucket_config.audit")
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("can never be deleted", "terraform state rm"));
    assertThat(terraformCalls()).noneMatch(line -> line.contains(" apply "));
  }

  @Test
  void destroyWithoutProtectionAppliesTheDestroyPlan() {
    processes.succeeds(
        PlanSummaryTest.resource("destroy-dev-unprotected.json"),
        "terraform",
        "-chdir=" + dev,
        "show");

    PlanReport report =
        workflow()
            .destroy(
                Environment.DEV,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                console::add);

    assertThat(report.applied()).isTrue();
    assertThat(terraformCalls())
        .last()
        .asString()
        .endsWith(
            "apply -input=false -lock-timeout=5m" + " ROOT/.alphintra/cloud/dev-destroy.tfplan");
  }

  @Test
  void bootstrapAppliesTheBootstrapRootInAWorkspacePerProject() {
    Path bootstrap = root.resolve("infra/terraform/bootstrap");
    processes
        .succeeds("", "terraform", "-chdir=" + bootstrap)
        .succeeds(OUTPUTS, "terraform", "-chdir=" + bootstrap, "output");

    BootstrapReport report =
        workflow()
            .bootstrap(
                "alphintra-dev", "europe-west2", Optional.empty(), Optional.empty(), console::add);

    assertThat(terraformCalls())
        .containsExactly(
            "terraform -chdir=ROOT/infra/terraform/bootstrap init -input=false -reconfigure",
            "terraform -chdir=ROOT/infra/terraform/bootstrap workspace select -or-create=true alphintra-dev",
            "terraform -chdir=ROOT/infra/terraform/bootstrap apply -input=false -auto-approve"
                + " -var=project_id=alphintra-dev -var=region=europe-west2",
            "terraform -chdir=ROOT/infra/terraform/bootstrap output -json");
    assertThat(report.bucket()).isEqualTo("alphintra-dev-tfstate");
    assertThat(report.backendSettings(Environment.STAGING))
        .isEqualTo("bucket = \"alphintra-dev-tfstate\"\nprefix = \"environments/staging\"");
    assertThat(report.deployerServiceAccount()).isEmpty();
    assertThat(report.workloadIdentityProvider()).isEmpty();
  }

  @Test
  void bootstrapWithAGithubRepositoryCreatesTheProviderAndReportsTheDeployer() {
    Path bootstrap = root.resolve("infra/terraform/bootstrap");
    String provider =
        "projects/123/locations/global/workloadIdentityPools/github/providers/github-actions";
    processes
        .succeeds("", "terraform", "-chdir=" + bootstrap)
        .succeeds(
            "{\"state_bucket\": {\"value\": \"alphintra-dev-tfstate\"},"
                + " \"deployer_service_account_email\":"
                + " {\"value\": \"alphintra-deployer@alphintra-dev.iam.gserviceaccount.com\"},"
                + " \"workload_identity_provider\": {\"value\": \""
                + provider
                + "\"}}",
            "terraform",
            "-chdir=" + bootstrap,
            "output");

    BootstrapReport report =
        workflow()
            .bootstrap(
                "alphintra-dev",
                "europe-west2",
                Optional.of("alphintra/platform-infra"),
                Optional.empty(),
                console::add);

    assertThat(terraformCalls())
        .contains(
            "terraform -chdir=ROOT/infra/terraform/bootstrap apply -input=false -auto-approve"
                + " -var=project_id=alphintra-dev -var=region=europe-west2"
                + " -var=github_repository=alphintra/platform-infra");
    assertThat(report.deployerServiceAccount())
        .contains("alphintra-deployer@alphintra-dev.iam.gserviceaccount.com");
    assertThat(report.workloadIdentityProvider()).contains(provider);
  }

  @Test
  void bootstrapOfAFurtherProjectGrantsTheExistingDeployer() {
    Path bootstrap = root.resolve("infra/terraform/bootstrap");
    String deployer = "alphintra-deployer@alphintra-dev.iam.gserviceaccount.com";
    processes
        .succeeds("", "terraform", "-chdir=" + bootstrap)
        .succeeds(
            "{\"state_bucket\": {\"value\": \"alphintra-prod-tfstate\"},"
                + " \"deployer_service_account_email\": {\"value\": \""
                + deployer
                + "\"}, \"workload_identity_provider\": {\"value\": null}}",
            "terraform",
            "-chdir=" + bootstrap,
            "output");

    BootstrapReport report =
        workflow()
            .bootstrap(
                "alphintra-prod",
                "europe-west2",
                Optional.empty(),
                Optional.of(deployer),
                console::add);

    assertThat(terraformCalls())
        .contains(
            "terraform -chdir=ROOT/infra/terraform/bootstrap apply -input=false -auto-approve"
                + " -var=project_id=alphintra-prod -var=region=europe-west2"
                + " -var=deployer_service_account="
                + deployer);
    assertThat(report.deployerServiceAccount()).contains(deployer);
    assertThat(report.workloadIdentityProvider()).isEmpty();
  }

  @Test
  void bootstrapRejectsAMalformedDeployerOrOneTogetherWithAGithubRepository() {
    assertThatThrownBy(
            () ->
                workflow()
                    .bootstrap(
                        "alphintra-prod",
                        "europe-west2",
                        Optional.empty(),
                        Optional.of("alphintra-deployer"),
                        console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a service account email");
    assertThatThrownBy(
            () ->
                workflow()
                    .bootstrap(
                        "alphintra-prod",
                        "europe-west2",
                        Optional.of("alphintra/platform-infra"),
                        Optional.of("alphintra-deployer@alphintra-dev.iam.gserviceaccount.com"),
                        console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("exclude each other");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void bootstrapRejectsAMalformedGithubRepository() {
    assertThatThrownBy(
            () ->
                workflow()
                    .bootstrap(
                        "alphintra-dev",
                        "europe-west2",
                        Optional.of("https://github.com/alphintra/platform-infra"),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a GitHub repository");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void bootstrapRejectsAMalformedProjectIdOrRegion() {
    assertThatThrownBy(
            () ->
                workflow()
                    .bootstrap(
                        "Bad_Project",
                        "europe-west2",
                        Optional.empty(),
                        Optional.empty(),
                        console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a Google Cloud project id");
    assertThatThrownBy(
            () ->
                workflow()
                    .bootstrap(
                        "alphintra-dev", "mars", Optional.empty(), Optional.empty(), console::add))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a Google Cloud region");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void kubeconfigFetchesCredentialsOverTheInternalIpAndNamesTheContext() {
    KubeconfigReport report = workflow().kubeconfig(Environment.DEV, console::add);

    assertThat(terraformCalls())
        .containsSubsequence(
            "gcloud container clusters get-credentials alphintra-dev --location=europe-west2-a"
                + " --project=alphintra-dev --internal-ip",
            "kubectl config rename-context gke_alphintra-dev_europe-west2-a_alphintra-dev alphintra-dev");
    assertThat(report.context()).isEqualTo("alphintra-dev");
    assertThat(report.endpoint()).isEqualTo(ControlPlaneEndpoint.INTERNAL_IP);
    assertThat(report.privateEndpoint()).isTrue();
  }

  @Test
  void kubeconfigUsesTheDnsEndpointWhenTheEnvironmentServesIt() {
    processes.succeeds(
        OUTPUTS.replace(
            "\"state_bucket\"",
            "\"gke_dns_endpoint_enabled\": {\"type\": \"bool\", \"value\": true}, \"state_bucket\""),
        "terraform",
        "-chdir=" + dev,
        "output");

    KubeconfigReport report = workflow().kubeconfig(Environment.DEV, console::add);

    assertThat(terraformCalls())
        .containsSubsequence(
            "gcloud container clusters get-credentials alphintra-dev --location=europe-west2-a"
                + " --project=alphintra-dev --dns-endpoint",
            "kubectl config rename-context gke_alphintra-dev_europe-west2-a_alphintra-dev alphintra-dev");
    assertThat(terraformCalls()).noneMatch(line -> line.contains("--internal-ip"));
    assertThat(report.endpoint()).isEqualTo(ControlPlaneEndpoint.DNS);
    assertThat(report.privateEndpoint()).isFalse();
  }

  @Test
  void kubeconfigUsesThePublicEndpointWhenNeitherDnsNorPrivateIsOn() {
    processes.succeeds(
        OUTPUTS.replace("\"value\": true", "\"value\": false"),
        "terraform",
        "-chdir=" + dev,
        "output");

    KubeconfigReport report = workflow().kubeconfig(Environment.DEV, console::add);

    assertThat(terraformCalls())
        .contains(
            "gcloud container clusters get-credentials alphintra-dev --location=europe-west2-a"
                + " --project=alphintra-dev");
    assertThat(report.endpoint()).isEqualTo(ControlPlaneEndpoint.PUBLIC_IP);
  }

  @Test
  void aFailedDnsEndpointFetchSaysWhatItNeeds() {
    processes
        .succeeds(
            OUTPUTS.replace(
                "\"state_bucket\"",
                "\"gke_dns_endpoint_enabled\": {\"value\": true}, \"state_bucket\""),
            "terraform",
            "-chdir=" + dev,
            "output")
        .fails(
            2,
            "ERROR: (gcloud.container.clusters.get-credentials) unrecognized arguments: --dns-endpoint",
            "gcloud",
            "container");

    assertThatThrownBy(() -> workflow().kubeconfig(Environment.DEV, console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("unrecognized arguments: --dns-endpoint")
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("gcloud components update", "container.clusters.connect"));
    assertThat(processes.commandLines()).noneMatch(line -> line.startsWith("kubectl"));
  }

  @Test
  void kubeconfigBeforeTheFirstApplySaysToApplyFirst() {
    processes.succeeds("{}", "terraform", "-chdir=" + dev, "output");

    assertThatThrownBy(() -> workflow().kubeconfig(Environment.DEV, console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("no 'gke_cluster_name' output");
  }

  @Test
  void failingGcloudIsReported() {
    processes.fails(
        1,
        "ERROR: (gcloud.container.clusters.get-credentials) ResponseError: code=404",
        "gcloud",
        "container");

    assertThatThrownBy(() -> workflow().kubeconfig(Environment.DEV, console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("code=404");
  }
}
