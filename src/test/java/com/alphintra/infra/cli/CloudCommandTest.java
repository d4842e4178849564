package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import com.alphintra.infra.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud commands end to end: the real check gate over a copy of the repository's own Terraform
 * (which the repository's check keeps clean), with fake terraform and gcloud.
 */
class CloudCommandTest {

  private static final String PRIVATE_NODES = "enable_private_nodes = true";

  @TempDir Path root;

  private Workspace workspace;
  private FakeProcessRunner processes;
  private Path dev;

  @BeforeEach
  void checkout() throws IOException {
    workspace = TestWorkspace.create(root);
    TreeCopy.copy(Workspace.locate(Path.of("")).terraform(), workspace.terraform());
    dev = root.resolve("infra/terraform/environments/dev");
    processes =
        new FakeProcessRunner()
            .succeeds("Terraform v1.11.4\n", "terraform", "version")
            .succeeds("Google Cloud SDK 528.0.0\n", "gcloud", "version")
            .succeeds("OpenSSL 3.0.17 1 Jul 2025 (Library: OpenSSL 3.0.17)\n", "openssl", "version")
            .succeeds(
                "Terraform has been successfully initialized!\n",
                "terraform",
                "-chdir=" + dev,
                "init")
            .succeeds(
                "Plan: 2 to add, 1 to change, 1 to destroy.\n",
                "terraform",
                "-chdir=" + dev,
                "plan")
            .succeeds(resource("plan-dev.json"), "terraform", "-chdir=" + dev, "show")
            .succeeds("Apply complete!\n", "terraform", "-chdir=" + dev, "apply")
            .succeeds(resource("state-dev.json"), "terraform", "-chdir=" + dev, "state", "pull");
    Files.createDirectories(workspace.kubernetes().resolve("overlays/dev"));
  }

  /** Turns the gke module's private nodes off: a HIGH finding wherever the module is used. */
  private void exposeNodes(Path moduleFile) throws IOException {
    String text = Files.readString(moduleFile);
    assertThat(text).contains(PRIVATE_NODES);
    Files.writeString(moduleFile, text.replace(PRIVATE_NODES, "enable_private_nodes = false"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CloudCommandTest.class.getResourceAsStream("/cloud/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CliRun run(String... args) {
    return CliRun.of(
        new Services(processes, new FakeHostProbe(), () -> Optional.of(workspace)), args);
  }

  @Test
  void planStreamsTerraformAndPrintsTheSummaryWithoutSecrets() {
    CliRun run = run("cloud", "plan", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Terraform has been successfully initialized!",
            "Plan for dev: 2 to add, 1 to change, 1 to destroy (1 data sources read).",
            "  + module.vpc.google_compute_network.this",
            "  -/+ module.cloudsql.google_sql_user.app",
            "Apply it with: alphintra cloud apply --env dev");
    assertThat(run.out()).doesNotContain("s3cr3t-in-clear");
    assertThat(processes.commandLines())
        .anyMatch(line -> line.contains("-backend-config=bucket=alphintra-dev-tfstate"));
  }

  @Test
  void jsonSummaryIsAloneOnStandardOutput() throws Exception {
    CliRun run = run("cloud", "plan", "--env", "dev", "--output", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("environment").asText()).isEqualTo("dev");
    assertThat(json.get("add").asInt()).isEqualTo(2);
    assertThat(json.get("changes")).hasSize(4);
    assertThat(run.err()).contains("Terraform has been successfully initialized!");
  }

  @Test
  void applyAppliesTheSavedPlan() {
    CliRun run = run("cloud", "apply", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Applied for dev:", "wrote 28 values to ");
    assertThat(processes.commandLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(" apply -input=false -lock-timeout=5m ")
                    .endsWith("dev.tfplan"));
    assertThat(processes.commandLines()).last().asString().endsWith(" state pull");
    assertThat(workspace.kubernetes().resolve("overlays/dev/cloud-outputs.env")).exists();
  }

  @Test
  void imagesWithoutTheEnvironmentsOutputsExitThreeNamingTheCommand() {
    CliRun run = run("cloud", "images", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains("cloud-outputs.env is missing", "alphintra cloud outputs --env dev");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void imagesWithAStaleMirrorListExitTwoNamingTheEntryBeforeAnythingElse() throws IOException {
    Files.writeString(
        workspace.versionsFile(),
        TestWorkspace.VERSIONS
            + "mirror:\n"
            + "  istio/pilot: {source: \"docker.io/istio/pilot:1.30.3\","
            + " chart: \"kubernetes.istio.version 1.30.3\"}\n");

    CliRun run = run("cloud", "images", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "mirror.istio/pilot was derived for kubernetes.istio.version 1.30.3, which is now"
                + " 1.30.4");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void imagesWithoutGcloudExitThreeBeforeBuildingAnything() throws IOException {
    Files.writeString(
        workspace.kubernetes().resolve("overlays/dev/cloud-outputs.env"),
        "SOURCE=terraform-state\nSTATE_LINEAGE=l\nSTATE_SERIAL=1\n"
            + "REGISTRY=us-east4-docker.pkg.dev/alphintra-dev/alphintra\n");
    processes.missing("gcloud", "auth");

    CliRun run = run("cloud", "images", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("gcloud is not installed", "doctor --target cloud");
    assertThat(processes.commandLines())
        .singleElement()
        .asString()
        .isEqualTo("gcloud auth application-default print-access-token");
  }

  @Test
  void outputsFromASavedFileWriteTheOverlaysFileAndSayWhatToRunNext() throws IOException {
    Path saved = root.resolve("outputs.json");
    Files.writeString(saved, resource("output-dev.json"));

    CliRun run = run("cloud", "outputs", "--env", "dev", "--from", saved.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("wrote 28 values to ", "alphintra up --context alphintra-dev --overlay dev");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void outputsKeepTheSampleServiceTagCloudImagesRecorded() throws IOException {
    Path saved = root.resolve("outputs.json");
    Files.writeString(saved, resource("output-dev.json"));
    Path file = workspace.kubernetes().resolve("overlays/dev/cloud-outputs.env");
    Path example = workspace.kubernetes().resolve("overlays/dev/cloud-outputs.env.example");
    Files.writeString(example, "SOURCE=example\nSAMPLE_SERVICE_TAG=0.1.0\n");

    assertThat(run("cloud", "outputs", "--env", "dev", "--from", saved.toString()).exitCode())
        .isZero();
    assertThat(Files.readString(file)).contains("\nSAMPLE_SERVICE_TAG=0.1.0\n");

    String pushed = "0.1.0-3f9a1c2b4d5e@sha256:" + "ab".repeat(32);
    Files.writeString(
        file,
        Files.readString(file).replace("SAMPLE_SERVICE_TAG=0.1.0", "SAMPLE_SERVICE_TAG=" + pushed));
    assertThat(run("cloud", "outputs", "--env", "dev", "--from", saved.toString()).exitCode())
        .isZero();
    assertThat(Files.readString(file)).contains("\nSAMPLE_SERVICE_TAG=" + pushed + "\n");
  }

  @Test
  void outputsOfAMalformedFileAreABadInput() throws IOException {
    Path saved = root.resolve("outputs.json");
    Files.writeString(saved, "{\"project_id\": {\"value\": \"Not A Project\"}}");

    CliRun run = run("cloud", "outputs", "--env", "dev", "--from", saved.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("output 'project_id'", "is 'Not A Project', not a Google Cloud project id");
  }

  @Test
  void highFindingInTheEnvironmentRefusesWithExitOne() throws IOException {
    exposeNodes(root.resolve("infra/terraform/modules/gke/main.tf"));

    CliRun run = run("cloud", "apply", "--env", "dev");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("finding(s) at HIGH or above in dev", "gke-private-nodes", "--accept-findings");
    assertThat(processes.commandLines()).noneMatch(line -> line.startsWith("terraform -chdir"));
  }

  @Test
  void acceptedFindingsProceedAndTheReasonIsPrinted() throws IOException {
    exposeNodes(root.resolve("infra/terraform/modules/gke/main.tf"));

    CliRun run =
        run("cloud", "plan", "--env", "dev", "--accept-findings", "CHG-4711 approved by SecOps");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("reason: \"CHG-4711 approved by SecOps\"");
  }

  @Test
  void findingsInAnotherEnvironmentDoNotBlockThisOne() throws IOException {
    Path prodMain = root.resolve("infra/terraform/environments/prod/main.tf");
    Files.writeString(
        prodMain,
        Files.readString(prodMain) + "\nlocals {\n  db_password = \"hunter2hunter2\"\n}\n");

    CliRun prod = run("cloud", "plan", "--env", "prod");
    CliRun dev = run("cloud", "plan", "--env", "dev");

    assertThat(prod.exitCode()).isEqualTo(1);
    assertThat(dev.exitCode()).as(dev.err()).isZero();
  }

  @Test
  void prodApplyWithoutConfirmationIsAUsageError() {
    CliRun run = run("cloud", "apply", "--env", "prod");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs --confirm prod");
    assertThat(processes.calls()).isEmpty();
  }

  @Test
  void environmentWithoutProjectIdIsAnInputError() throws IOException {
    // The project moves into a local: valid Terraform, so the check gate passes, but the workflow
    // reads the project without evaluating the root and wants it written in the module call.
    Path main = dev.resolve("main.tf");
    Files.writeString(
        main,
        Files.readString(main).replaceAll("(?m)^(\\s*project_id\\s*=).*$", "$1 local.project_id")
            + "\nlocals {\n  project_id = \"alphintra-dev\"\n}\n");

    CliRun run = run("cloud", "plan", "--env", "dev");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "sets no literal project_id",
            "environments/dev/main.tf",
            "set project_id = \"<your project>\" in the module \"platform\" call");
  }

  @Test
  void failingPlanExitsOneAndAppliesNothing() {
    processes.fails(1, "Error: Unsupported argument", "terraform", "-chdir=" + dev, "plan");

    CliRun run = run("cloud", "apply", "--env", "dev");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("terraform plan failed", "Unsupported argument");
    assertThat(processes.commandLines()).noneMatch(line -> line.contains(" apply "));
  }

  @Test
  void unknownEnvironmentListsTheValidOnes() {
    CliRun run = run("cloud", "plan", "--env", "qa");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("DEV", "STAGING", "PROD");
  }

  @Test
  void bootstrapPrintsTheBackendSettingsOfEveryEnvironment() {
    Path bootstrap = root.resolve("infra/terraform/bootstrap");
    processes
        .succeeds("", "terraform", "-chdir=" + bootstrap)
        .succeeds(
            "{\"state_bucket\": {\"value\": \"alphintra-dev-tfstate\"}}",
            "terraform",
            "-chdir=" + bootstrap,
            "output");

    CliRun run = run("cloud", "bootstrap", "--project", "alphintra-dev");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("gs://alphintra-dev-tfstate", "prefix = \"environments/prod\"");
  }

  @Test
  void kubeconfigNamesTheContext() {
    processes
        .succeeds(
            "{\"gke_cluster_name\": {\"value\": \"alphintra-dev\"},"
                + " \"gke_location\": {\"value\": \"us-east4-a\"}, \"gke_private_endpoint_enabled\": {\"value\": false}}",
            "terraform",
            "-chdir=" + dev,
            "output")
        .succeeds("", "gcloud", "container")
        .succeeds("", "kubectl", "config");

    CliRun run = run("cloud", "kubeconfig", "--env", "dev");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Kube context alphintra-dev", "alphintra up --context alphintra-dev");
    assertThat(processes.commandLines())
        .contains(
            "gcloud container clusters get-credentials alphintra-dev --location=us-east4-a --project=alphintra-dev");
  }

  @Test
  void kubeconfigOverTheDnsEndpointSaysSoInTextAndJson() {
    processes
        .succeeds(
            "{\"gke_cluster_name\": {\"value\": \"alphintra-dev\"},"
                + " \"gke_location\": {\"value\": \"us-east4-a\"},"
                + " \"gke_private_endpoint_enabled\": {\"value\": true},"
                + " \"gke_dns_endpoint_enabled\": {\"value\": true}}",
            "terraform",
            "-chdir=" + dev,
            "output")
        .succeeds("", "gcloud", "container")
        .succeeds("", "kubectl", "config");

    CliRun text = run("cloud", "kubeconfig", "--env", "dev");
    CliRun json = run("cloud", "kubeconfig", "--env", "dev", "--output", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("over its DNS endpoint", "IP endpoint stays private");
    assertThat(processes.commandLines())
        .contains(
            "gcloud container clusters get-credentials alphintra-dev --location=us-east4-a"
                + " --project=alphintra-dev --dns-endpoint");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"endpoint\" : \"dns\"", "\"privateEndpoint\" : false");
  }

  @Test
  void noCloudCommandIsAUsageError() {
    CliRun run = run("cloud");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bootstrap", "kubeconfig");
  }
}
