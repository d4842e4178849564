package com.alphintra.infra.cloud;

import com.alphintra.infra.doctor.CheckResult;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.DoctorReport;
import com.alphintra.infra.doctor.Requirements;
import com.alphintra.infra.doctor.Target;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Terraform workflow for Google Cloud: prerequisites, the {@code check} gate, {@code init} with
 * the environment's remote state, a saved plan, and an apply of exactly that plan. Terraform's own
 * output streams to the console while it runs; its exit status decides ours.
 */
public final class CloudWorkflow {

  static final Duration INIT_TIMEOUT = Duration.ofMinutes(10);
  static final Duration PLAN_TIMEOUT = Duration.ofMinutes(30);

  /** A regional GKE cluster and a Cloud SQL instance take tens of minutes each to create. */
  static final Duration APPLY_TIMEOUT = Duration.ofMinutes(90);

  static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]");
  private static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9_.-]+");
  private static final Pattern SERVICE_ACCOUNT =
      Pattern.compile(
          "[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com");

  private final ProcessRunner processes;
  private final Doctor doctor;
  private final Requirements requirements;
  private final PolicyGate gate;
  private final Function<Environment, EnvironmentSettings> environments;
  private final Path bootstrapDirectory;
  private final Path planDirectory;
  private final Path overlaysDirectory;

  public CloudWorkflow(
      ProcessRunner processes,
      Doctor doctor,
      Requirements requirements,
      PolicyGate gate,
      Function<Environment, EnvironmentSettings> environments,
      Path bootstrapDirectory,
      Path planDirectory,
      Path overlaysDirectory) {
    this.processes = processes;
    this.doctor = doctor;
    this.requirements = requirements;
    this.gate = gate;
    this.environments = environments;
    this.bootstrapDirectory = bootstrapDirectory;
    this.planDirectory = planDirectory;
    this.overlaysDirectory = overlaysDirectory;
  }

  /**
   * Creates (or confirms) the project's remote-state bucket, the keys that outlive an environment
   * and the deployer service account; with a GitHub repository also the Workload Identity provider
   * its Actions runs deploy through. With an existing deployer (another project's) it grants that
   * one its roles instead, so one identity deploys every environment. The bootstrap root keeps its
   * state locally, one Terraform workspace per project, so running it twice changes nothing.
   */
  public BootstrapReport bootstrap(
      String projectId,
      String region,
      Optional<String> githubRepository,
      Optional<String> deployerServiceAccount,
      Consumer<String> console) {
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new InputException(
          "'" + projectId + "' is not a Google Cloud project id",
          "a project id is 6-30 lowercase letters, digits and hyphens, starting with a letter");
    }
    if (!REGION.matcher(region).matches()) {
      throw new InputException(
          "'" + region + "' is not a Google Cloud region", "use a region such as europe-west2");
    }
    githubRepository.ifPresent(
        repository -> {
          if (!GITHUB_REPOSITORY.matcher(repository).matches()) {
            throw new InputException(
                "'" + repository + "' is not a GitHub repository",
                "name it OWNER/NAME, for example --github-repository alphintra/platform-infra");
          }
        });
    deployerServiceAccount.ifPresent(
        account -> {
          if (!SERVICE_ACCOUNT.matcher(account).matches()) {
            throw new InputException(
                "'" + account + "' is not a service account email",
                "pass the deployer another project's bootstrap printed, for example"
                    + " alphintra-deployer@alphintra-dev.iam.gserviceaccount.com");
          }
          if (githubRepository.isPresent()) {
            throw new InputException(
                "--github-repository and --deployer-service-account exclude each other",
                "the project that creates the deployer also gets its GitHub federation; the"
                    + " others only name the deployer");
          }
        });
    requirePrerequisites();
    Terraform terraform = new Terraform(bootstrapDirectory);
    run(terraform.init(List.of()), INIT_TIMEOUT, console, "terraform init of the bootstrap root");
    run(
        terraform.selectWorkspace(projectId),
        QUERY_TIMEOUT,
        console,
        "selecting the bootstrap workspace");
    List<String> variables =
        new ArrayList<>(List.of("-var=project_id=" + projectId, "-var=region=" + region));
    githubRepository.ifPresent(repository -> variables.add("-var=github_repository=" + repository));
    deployerServiceAccount.ifPresent(
        account -> variables.add("-var=deployer_service_account=" + account));
    run(
        terraform.applyVariables(variables),
        APPLY_TIMEOUT,
        console,
        "terraform apply of the bootstrap root");
    JsonNode outputs = outputs(terraform);
    String bucket = outputs.path("state_bucket").path("value").asText("");
    if (bucket.isEmpty()) {
      throw new OperationFailedException(
          "the bootstrap root has no 'state_bucket' output",
          "restore infra/terraform/bootstrap/outputs.tf from git");
    }
    return new BootstrapReport(
        projectId,
        region,
        bucket,
        optionalOutput(outputs, "deployer_service_account_email"),
        optionalOutput(outputs, "workload_identity_provider"));
  }

  public PlanReport plan(
      Environment environment,
      Optional<Path> varFile,
      Optional<String> acceptFindings,
      Consumer<String> console) {
    Prepared prepared = prepare(environment, varFile, acceptFindings, false, console);
    return prepared.report(PlanReport.Operation.PLAN, false);
  }

  public PlanReport apply(
      Environment environment,
      Optional<Path> varFile,
      Optional<String> acceptFindings,
      Optional<String> confirmation,
      Consumer<String> console) {
    requireConfirmation(environment, confirmation, "apply");
    Prepared prepared = prepare(environment, varFile, acceptFindings, false, console);
    boolean changes = !prepared.summary.isEmpty();
    if (changes) {
      run(
          prepared.terraform.applyPlan(prepared.planFile),
          APPLY_TIMEOUT,
          console,
          "terraform apply");
    }
    // Also without changes: the overlay's file may be missing or come from an older state.
    OutputsReport outputs =
        writeOutputs(environment, stateOutputs(prepared.terraform, environment));
    console.accept(describe(outputs));
    return prepared.report(PlanReport.Operation.APPLY, changes);
  }

  /**
   * Writes the environment's Terraform outputs to its overlay's {@code cloud-outputs.env}, from the
   * environment's state or from a saved {@code terraform output -json} or {@code terraform state
   * pull}.
   */
  public OutputsReport outputs(
      Environment environment, Optional<Path> from, Consumer<String> console) {
    CloudOutputs outputs;
    if (from.isPresent()) {
      Path file = from.get();
      requireReadable(
          file, "pass a file saved with 'terraform output -json' or 'terraform state pull'");
      try {
        outputs = CloudOutputs.parse(Files.readString(file), file.toString());
      } catch (IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getMessage(), file, "check it");
      }
    } else {
      requirePrerequisites();
      EnvironmentSettings settings = environments.apply(environment);
      Terraform terraform = new Terraform(settings.directory());
      run(terraform.init(backendArguments(settings)), INIT_TIMEOUT, console, "terraform init");
      outputs = stateOutputs(terraform, environment);
    }
    return writeOutputs(environment, outputs);
  }

  /** One line for the console: what was written where. */
  public static String describe(OutputsReport report) {
    return "wrote "
        + report.values()
        + " values to "
        + report.file()
        + report.state().map(state -> " (state serial " + state.serial() + ")").orElse("");
  }

  private CloudOutputs stateOutputs(Terraform terraform, Environment environment) {
    // The state holds every secret in clear: it is parsed here and never shown or stored.
    ProcessResult pull = processes.run(terraform.statePull().withTimeout(QUERY_TIMEOUT));
    if (!pull.succeeded()) {
      throw new OperationFailedException(
          "terraform state pull failed: " + pull.describe(),
          "run 'terraform state pull > /dev/null' in " + terraform.directory() + " to see why");
    }
    String origin = "the state of environment " + environment.id();
    if (pull.stdout().isBlank() || !pull.stdout().contains("\"outputs\"")) {
      throw new OperationFailedException(
          "environment " + environment.id() + " has no Terraform state yet",
          "run 'alphintra cloud apply --env " + environment.id() + "' first");
    }
    return CloudOutputs.parse(pull.stdout(), origin);
  }

  private OutputsReport writeOutputs(Environment environment, CloudOutputs terraformOutputs) {
    Path file = CloudOutputsFile.of(overlaysDirectory, environment);
    if (!Files.isDirectory(file.getParent())) {
      throw new InputException(
          "overlay " + environment.id() + " does not exist",
          file.getParent(),
          "restore infra/kubernetes/overlays/" + environment.id() + " from git");
    }
    CloudOutputs outputs = terraformOutputs;
    // The sample service's tag comes from `cloud images`, not Terraform: keep it.
    for (Path previous : List.of(file, file.resolveSibling(CloudOutputsFile.EXAMPLE_NAME))) {
      Optional<String> tag =
          readQuietly(previous).map(values -> values.get(CloudOutputs.SAMPLE_SERVICE_TAG));
      if (tag.isPresent()) {
        outputs = outputs.with(CloudOutputs.SAMPLE_SERVICE_TAG, tag.get());
        break;
      }
    }
    try {
      Path partial = file.resolveSibling(CloudOutputsFile.NAME + ".partial");
      Files.writeString(partial, outputs.render(environment));
      Files.move(
          partial,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new OutputsReport(environment, file, outputs.values().size(), outputs.state());
  }

  private static Optional<java.util.Map<String, String>> readQuietly(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CloudOutputs.read(Files.readString(file), file.toString()).values());
    } catch (IOException | InputException e) {
      return Optional.empty();
    }
  }

  public PlanReport destroy(
      Environment environment,
      Optional<Path> varFile,
      Optional<String> acceptFindings,
      Optional<String> confirmation,
      Consumer<String> console) {
    requireConfirmation(environment, confirmation, "destroy");
    Prepared prepared = prepare(environment, varFile, acceptFindings, true, console);
    List<ResourceChange> blocked = prepared.summary.blockedByDeletionProtection();
    if (!blocked.isEmpty()) {
      boolean lockedBucket =
          blocked.stream().anyMatch(change -> PlanSummary.LOCKED_LOG_BUCKET.equals(change.type()));
      throw new OperationFailedException(
          "deletion protection will block destroying "
              + environment.id()
              + ": "
              + blocked.stream().map(ResourceChange::address).collect(Collectors.joining(", ")),
          "set deletion_protection = false in the module \"platform\" call of"
              + " infra/terraform/environments/"
              + environment.id()
              + "/main.tf, run 'alphintra cloud apply --env "
              + environment.id()
              + "', then destroy again"
              + (lockedBucket
                  ? "; a locked audit log bucket can never be deleted: keep its logs and take it out"
                      + " of the state with 'terraform state rm ADDRESS' in environments/"
                      + environment.id()
                      + " first"
                  : ""));
    }
    if (prepared.summary.isEmpty()) {
      return prepared.report(PlanReport.Operation.DESTROY, false);
    }
    run(
        prepared.terraform.applyPlan(prepared.planFile),
        APPLY_TIMEOUT,
        console,
        "terraform apply of the destroy plan");
    return prepared.report(PlanReport.Operation.DESTROY, true);
  }

  /**
   * Fetches the environment's cluster credentials and names the kube context {@code alphintra-ENV},
   * so that {@code alphintra up --context alphintra-ENV} installs the platform onto it.
   */
  public KubeconfigReport kubeconfig(Environment environment, Consumer<String> console) {
    requirePrerequisites();
    EnvironmentSettings settings = environments.apply(environment);
    Terraform terraform = new Terraform(settings.directory());
    run(terraform.init(backendArguments(settings)), INIT_TIMEOUT, console, "terraform init");
    JsonNode outputs = outputs(terraform);
    String cluster = requiredOutput(outputs, "gke_cluster_name", environment);
    String location = requiredOutput(outputs, "gke_location", environment);
    ControlPlaneEndpoint endpoint = endpointOf(outputs);
    List<String> credentials =
        new ArrayList<>(
            List.of(
                "gcloud",
                "container",
                "clusters",
                "get-credentials",
                cluster,
                "--location=" + location,
                "--project=" + settings.projectId()));
    switch (endpoint) {
      // The DNS endpoint works from a laptop or CI with IAM alone; the IP endpoint stays private.
      case DNS -> credentials.add("--dns-endpoint");
      // Only the private IP: kubectl must run from inside the VPC.
      case INTERNAL_IP -> credentials.add("--internal-ip");
      case PUBLIC_IP -> {}
    }
    Command getCredentials = Command.of(credentials);
    console.accept("$ " + getCredentials.display());
    ProcessResult fetched =
        processes.run(getCredentials.withTimeout(QUERY_TIMEOUT).streamingTo(console));
    if (!fetched.succeeded()) {
      throw new OperationFailedException(
          "gcloud container clusters get-credentials failed: " + fetched.describe(),
          fetched.status() == ProcessResult.Status.NOT_FOUND
              ? "install it: alphintra doctor --target cloud says how"
              : endpoint == ControlPlaneEndpoint.DNS
                  ? "--dns-endpoint needs a recent gcloud ('gcloud components update') and"
                      + " container.clusters.connect on the project (roles/container.developer or"
                      + " higher); read the output above"
                  : "read the output above; fix the cause and run the command again");
    }
    String generated = "gke_" + settings.projectId() + "_" + location + "_" + cluster;
    String context = "alphintra-" + environment.id();
    processes.run(
        Command.of("kubectl", "config", "delete-context", context).withTimeout(QUERY_TIMEOUT));
    run(
        Command.of("kubectl", "config", "rename-context", generated, context),
        QUERY_TIMEOUT,
        console,
        "naming the kube context");
    return new KubeconfigReport(environment, context, cluster, location, endpoint);
  }

  /**
   * The DNS endpoint when the environment serves it; otherwise the private IP when the public one
   * is off. Outputs of a state written before the DNS endpoint existed lack its flag: then the IP
   * endpoints decide, as they did.
   */
  static ControlPlaneEndpoint endpointOf(JsonNode outputs) {
    if (outputs.path("gke_dns_endpoint_enabled").path("value").asBoolean(false)) {
      return ControlPlaneEndpoint.DNS;
    }
    return outputs.path("gke_private_endpoint_enabled").path("value").asBoolean(true)
        ? ControlPlaneEndpoint.INTERNAL_IP
        : ControlPlaneEndpoint.PUBLIC_IP;
  }

  private Prepared prepare(
      Environment environment,
      Optional<Path> varFile,
      Optional<String> acceptFindings,
      boolean destroy,
      Consumer<String> console) {
    varFile.ifPresent(file -> requireReadable(file, "pass an existing .tfvars file to --var-file"));
    acceptFindings.ifPresent(
        reason -> {
          if (reason.isBlank()) {
            throw new InputException(
                "--accept-findings needs a reason", "say why, e.g. --accept-findings \"CHG-123\"");
          }
        });
    requirePrerequisites();
    GateVerdict verdict = gate.evaluate(environment);
    verdict.notes().forEach(note -> console.accept("check: note: " + note));
    if (!verdict.isClear() && acceptFindings.isEmpty()) {
      throw new OperationFailedException(
          "alphintra check found "
              + verdict.blocking().size()
              + " finding(s) at HIGH or above in "
              + environment.id()
              + ":\n  "
              + String.join("\n  ", verdict.blocking()),
          "fix them, or go ahead with --accept-findings \"<reason>\" (the reason is printed in the summary)");
    }
    EnvironmentSettings settings = environments.apply(environment);
    Terraform terraform = new Terraform(settings.directory());
    run(terraform.init(backendArguments(settings)), INIT_TIMEOUT, console, "terraform init");
    Path planFile = planFile(environment, destroy);
    run(terraform.plan(planFile, varFile, destroy), PLAN_TIMEOUT, console, "terraform plan");
    // The plan's JSON holds every value in clear, secrets included: it is parsed, never shown.
    ProcessResult show = processes.run(terraform.show(planFile).withTimeout(QUERY_TIMEOUT));
    if (!show.succeeded()) {
      throw new OperationFailedException(
          "terraform show of the saved plan failed: " + show.describe(),
          "run 'terraform show " + planFile + "' in " + settings.directory() + " to see why");
    }
    return new Prepared(
        environment,
        terraform,
        planFile,
        PlanSummary.parse(show.stdout()),
        verdict,
        acceptFindings);
  }

  private List<String> backendArguments(EnvironmentSettings settings) {
    return List.of("-backend-config=bucket=" + settings.stateBucket());
  }

  private void requirePrerequisites() {
    DoctorReport report = doctor.examine(Target.CLOUD, requirements);
    if (!report.isReady()) {
      throw new MissingPrerequisiteException(
          "missing prerequisites for the cloud workflow: "
              + report.problems().stream().map(CheckResult::name).collect(Collectors.joining(", ")),
          "run 'alphintra doctor --target cloud' for how to install them");
    }
  }

  private static void requireConfirmation(
      Environment environment, Optional<String> confirmation, String verb) {
    if (environment.needsConfirmation()
        && !confirmation.filter(environment.id()::equals).isPresent()) {
      throw new InputException(
          verb + " on " + environment.id() + " needs --confirm " + environment.id(),
          "type the environment's name to confirm: --confirm " + environment.id());
    }
  }

  private static void requireReadable(Path file, String hint) {
    if (!Files.isReadable(file)) {
      throw new InputException("cannot read " + file, file, hint);
    }
  }

  private Path planFile(Environment environment, boolean destroy) {
    try {
      Files.createDirectories(planDirectory);
      try {
        Files.setPosixFilePermissions(planDirectory, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder inherits the user profile's ACLs, which are already private.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + planDirectory, e);
    }
    return planDirectory.resolve(environment.id() + (destroy ? "-destroy" : "") + ".tfplan");
  }

  private JsonNode outputs(Terraform terraform) {
    ProcessResult result = processes.run(terraform.outputs().withTimeout(QUERY_TIMEOUT));
    if (!result.succeeded()) {
      throw new OperationFailedException(
          "terraform output failed: " + result.describe(),
          "run 'terraform output' in " + terraform.directory() + " to see why");
    }
    try {
      return new ObjectMapper().readTree(result.stdout());
    } catch (JsonProcessingException e) {
      throw new OperationFailedException(
          "terraform output -json printed something that is not JSON",
          "run 'terraform output -json' in " + terraform.directory() + " to see what it prints");
    }
  }

  private static Optional<String> optionalOutput(JsonNode outputs, String name) {
    return Optional.of(outputs.path(name).path("value").asText("")).filter(v -> !v.isEmpty());
  }

  private static String requiredOutput(JsonNode outputs, String name, Environment environment) {
    String value = outputs.path(name).path("value").asText("");
    if (value.isEmpty()) {
      throw new OperationFailedException(
          "environment " + environment.id() + " has no '" + name + "' output yet",
          "run 'alphintra cloud apply --env " + environment.id() + "' first");
    }
    return value;
  }

  private void run(Command command, Duration timeout, Consumer<String> console, String what) {
    console.accept("$ " + command.display());
    ProcessResult result = processes.run(command.withTimeout(timeout).streamingTo(console));
    if (!result.succeeded()) {
      throw new OperationFailedException(
          what + " failed: " + result.describe(),
          result.status() == ProcessResult.Status.NOT_FOUND
              ? "install it: alphintra doctor --target cloud says how"
              : "read the output above; fix the cause and run the command again");
    }
  }

  private record Prepared(
      Environment environment,
      Terraform terraform,
      Path planFile,
      PlanSummary summary,
      GateVerdict verdict,
      Optional<String> acceptedReason) {

    PlanReport report(PlanReport.Operation operation, boolean applied) {
      return new PlanReport(
          environment, operation, summary, planFile, applied, verdict, acceptedReason);
    }
  }
}
