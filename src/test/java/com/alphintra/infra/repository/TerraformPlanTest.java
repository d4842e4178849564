package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@code terraform plan} of every root configuration, offline, through {@code
 * ../shared/tools/tf-validate} (a stand-in provider serving the recorded hashicorp/google schema):
 * no error, no warning, and exactly the resources of the committed golden list in {@code
 * src/test/resources/terraform/plan/<root>.txt}. The golden lists hold the addresses as they were
 * before the environments called one platform module (issue 18); the root's {@code moved} blocks
 * must map each of them onto what is planned now, so an applied environment keeps its resources.
 * Resources added since are listed at their current address, which no moved block changes.
 */
class TerraformPlanTest {

  private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(8);
  private static final Pattern PLANNED = Pattern.compile("(?m)^\\s+# (\\S+) will be created$");
  private static final Pattern MOVED =
      Pattern.compile("moved\\s*\\{\\s*from\\s*=\\s*(\\S+)\\s+to\\s*=\\s*(\\S+)\\s*}");
  private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^[│╷ ]*(Warning|Error):.*$");
  private static final Pattern OUTPUT = Pattern.compile("(?m)^  \\+ ([a-z_]+)\\s+=");

  /**
   * What {@code alphintra cloud outputs} reads from every environment root (issue 14's contract,
   * docs/cloud-outputs.md), and what {@code cloud kubeconfig} reads.
   */
  static final List<String> ENVIRONMENT_OUTPUTS =
      List.of(
          "project_id",
          "artifact_registry_repository",
          "workload_identity_service_accounts",
          "external_secrets_service_account",
          "cert_manager_service_account",
          "secret_manager_secret_ids",
          "cloudsql_private_ip",
          "redis_host",
          "redis_port",
          "google_apis_cidr",
          "gke_cluster_name",
          "gke_location",
          "gke_private_endpoint_enabled",
          "gke_dns_endpoint_enabled");

  /** The keys of {@code secret_manager_secret_ids}: one ExternalSecret source each. */
  static final List<String> SECRET_PURPOSES =
      List.of(
          "db-app-password",
          "redis-auth",
          "jwt-signing-key",
          "grafana-admin-password",
          "cloudsql-server-ca",
          "pgbouncer-stats-password");

  private static Path tfValidate() {
    Path run = InfraTree.repositoryRoot().resolve("../shared/tools/tf-validate/run").normalize();
    assumeTrue(Files.isExecutable(run), "no tf-validate at " + run + " (../shared is absent)");
    assumeTrue(onPath("terraform"), "terraform is not on the PATH; nothing to plan");
    assumeTrue(onPath("mvn"), "mvn is not on the PATH; tf-validate builds its provider with it");
    return run;
  }

  private static boolean onPath(String program) {
    return new SystemProcessRunner().run(Command.of(program, "-version")).status()
        != ProcessResult.Status.NOT_FOUND;
  }

  private static ProcessResult plan(String root, String... extra) {
    List<String> arguments = new ArrayList<>(List.of(tfValidate().toString(), root, "plan"));
    arguments.add("-no-color");
    arguments.addAll(List.of(extra));
    return new SystemProcessRunner()
        .run(
            Command.of(arguments)
                .inDirectory(InfraTree.repositoryRoot())
                .withEnvironment(Map.of("TF_IN_AUTOMATION", "1"))
                .withTimeout(PLAN_TIMEOUT));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "infra/terraform/environments/dev",
        "infra/terraform/environments/staging",
        "infra/terraform/environments/prod",
        "infra/terraform/bootstrap"
      })
  void plansTheGoldenResourcesWithoutErrorsOrWarnings(String root) throws IOException {
    ProcessResult result = plan(root);

    assertThat(result.succeeded()).as("%s%n%s", result.describe(), result.output()).isTrue();
    assertThat(diagnostics(result.output())).as("diagnostics of the plan of %s", root).isEmpty();
    String name = Path.of(root).getFileName().toString();
    Path golden =
        InfraTree.repositoryRoot().resolve("src/test/resources/terraform/plan/" + name + ".txt");
    List<String> before = Files.readAllLines(golden).stream().filter(l -> !l.isBlank()).toList();
    Map<String, String> moves = moves(InfraTree.repositoryRoot().resolve(root));
    TreeSet<String> expected = new TreeSet<>();
    before.forEach(address -> expected.add(moved(address, moves)));
    assertThat(planned(result.stdout()))
        .as("resources planned for %s against %s mapped through its moved blocks", root, golden)
        .containsExactlyElementsOf(expected);
    if (name.equals("bootstrap")) {
      bootstrapOutputsTheDeployerAndItsWorkloadIdentityProvider(result.stdout());
    } else {
      environmentOutputsWhatCloudOutputsAndKubeconfigRead(name, result.stdout());
    }
  }

  /** Issue 14: every environment root outputs what the cloud commands read. */
  private static void environmentOutputsWhatCloudOutputsAndKubeconfigRead(
      String environment, String stdout) {
    assertThat(outputs(stdout)).containsAll(ENVIRONMENT_OUTPUTS);
    assertThat(stdout)
        .containsPattern(line("project_id", "\"alphintra-" + environment + "\""))
        .containsPattern(line("google_apis_cidr", "\"199.36.153.8/30\""))
        .containsPattern(line("gke_dns_endpoint_enabled", "true"));
    for (String purpose : SECRET_PURPOSES) {
      assertThat(stdout)
          .as("secret_manager_secret_ids[%s]", purpose)
          .containsPattern(
              "(?m)^\\s+\\+ " + Pattern.quote(purpose) + "\\s+= \"alphintra-" + environment + "-");
    }
  }

  /** Issue 14: the deployer, its federation for GitHub Actions, and the key environments use. */
  private static void bootstrapOutputsTheDeployerAndItsWorkloadIdentityProvider(String stdout) {
    assertThat(outputs(stdout))
        .contains(
            "deployer_service_account_email", "workload_identity_provider", "gke_secrets_key");
    assertThat(planned(stdout))
        .contains(
            "google_service_account.deployer[0]",
            "google_iam_workload_identity_pool.github[0]",
            "google_iam_workload_identity_pool_provider.github_actions[0]",
            "google_kms_crypto_key.gke_secrets");
    assertThat(stdout)
        .containsPattern(line("workload_identity_pool_id", "\"github\""))
        .containsPattern(line("workload_identity_pool_provider_id", "\"github-actions\""))
        .containsPattern(
            line(
                "attribute_condition",
                "\"assertion.repository == \\\"alphintra/platform-infra\\\"\""))
        .containsPattern(line("account_id", "\"alphintra-deployer\""));
  }

  /** A {@code + NAME = VALUE} line of a plan, at any indentation and alignment. */
  private static String line(String name, String value) {
    return "(?m)^\\s+\\+ " + Pattern.quote(name) + "\\s+= " + Pattern.quote(value) + "$";
  }

  /**
   * Prod's root with every setting dev and staging may weaken weakened in its module call; the root
   * declares no variables, so the weakened copy is planned from a temporary tree that keeps the
   * relative module paths.
   */
  @Test
  void prodRefusesEveryWeakerSettingThatDevAndStagingMayUse(@TempDir Path tree) throws IOException {
    tfValidate();
    Path terraform = InfraTree.repositoryRoot().resolve("infra/terraform");
    TreeCopy.copy(terraform.resolve("modules"), tree.resolve("modules"));
    Path prod = tree.resolve("environments/prod");
    TreeCopy.copy(terraform.resolve("environments/prod"), prod);
    String main = Files.readString(prod.resolve("main.tf"));
    main = weaken(main, "(gke_location\\s*=\\s*)\"us-east4\"", "$1\"us-east4-a\"");
    main =
        weaken(
            main,
            "(binary_authorization_enforced\\s*=\\s*)true",
            "$1false\n  binary_authorization_allowed_images = [\"docker.io/istio/*\"]");
    main = weaken(main, "(cloudsql_availability_type\\s*=\\s*)\"REGIONAL\"", "$1\"ZONAL\"");
    main = weaken(main, "(redis_tier\\s*=\\s*)\"STANDARD_HA\"", "$1\"BASIC\"");
    main =
        weaken(
            main,
            "(?m)^(\\s*environment\\s*=\\s*\"prod\"\\n)",
            "$1  gke_enable_private_endpoint = false\n");
    Files.writeString(prod.resolve("main.tf"), main);

    ProcessResult result = plan(prod.toString());

    assertThat(result.status()).isEqualTo(ProcessResult.Status.EXITED);
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains(
            "prod runs a regional cluster: gke_location must be a region, not a zone.",
            "prod keeps the Kubernetes API on its private endpoint.",
            "prod enforces Binary Authorization; audit mode is for dev and staging.",
            "prod admits only its Artifact Registry and Google's system images.",
            "prod runs Cloud SQL REGIONAL (standby with automatic failover).",
            "prod runs Memorystore STANDARD_HA (replica with automatic failover).");
  }

  /** Replaces the one setting in prod's main.tf; fails when it is no longer written there. */
  private static String weaken(String main, String regex, String replacement) {
    String weakened = main.replaceFirst(regex, replacement);
    assertThat(weakened).as("prod's main.tf sets %s", regex).isNotEqualTo(main);
    return weakened;
  }

  @Test
  void movedBlocksMapOldAddressesAndTheirInstances() {
    Map<String, String> moves =
        Map.of(
            "module.gke", "module.platform.module.gke", "google_x.a", "module.platform.google_x.a");

    assertThat(moved("module.gke.google_service_account.workload[\"a\"]", moves))
        .isEqualTo("module.platform.module.gke.google_service_account.workload[\"a\"]");
    assertThat(moved("google_x.a[\"k\"]", moves)).isEqualTo("module.platform.google_x.a[\"k\"]");
    assertThat(moved("module.gke_extra.google_x.b", moves))
        .isEqualTo("module.gke_extra.google_x.b");
    assertThat(moved("google_x.ab", moves)).isEqualTo("google_x.ab");
  }

  @Test
  void diagnosticsAreFoundInTerraformsBoxedOutput() {
    assertThat(
            diagnostics("│ Warning: Deprecated attribute\nWarning: x\n  Error: y\nno Error: here"))
        .containsExactly("│ Warning: Deprecated attribute", "Warning: x", "  Error: y");
  }

  private static List<String> diagnostics(String output) {
    List<String> found = new ArrayList<>();
    Matcher matcher = DIAGNOSTIC.matcher(output);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static TreeSet<String> outputs(String stdout) {
    int start = stdout.indexOf("Changes to Outputs:");
    assertThat(start).as("the plan shows its outputs").isNotNegative();
    TreeSet<String> names = new TreeSet<>();
    Matcher matcher = OUTPUT.matcher(stdout.substring(start));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static TreeSet<String> planned(String stdout) {
    TreeSet<String> addresses = new TreeSet<>();
    Matcher matcher = PLANNED.matcher(stdout);
    while (matcher.find()) {
      addresses.add(matcher.group(1));
    }
    return addresses;
  }

  private static Map<String, String> moves(Path root) throws IOException {
    Path file = root.resolve("moved.tf");
    Map<String, String> moves = new java.util.LinkedHashMap<>();
    if (Files.exists(file)) {
      Matcher matcher = MOVED.matcher(Files.readString(file));
      while (matcher.find()) {
        moves.put(matcher.group(1), matcher.group(2));
      }
    }
    return moves;
  }

  /** The address after the moved block whose {@code from} is it or one of its containers. */
  static String moved(String address, Map<String, String> moves) {
    for (Map.Entry<String, String> move : moves.entrySet()) {
      String from = move.getKey();
      if (address.equals(from)
          || address.startsWith(from + ".")
          || address.startsWith(from + "[")) {
        return move.getValue() + address.substring(from.length());
      }
    }
    return address;
  }
}
