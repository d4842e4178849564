package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.workspace.OverlayOutputs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An environment's Terraform outputs as the Kubernetes overlay consumes them: one {@code KEY=value}
 * line each, read by the overlay's {@code configMapGenerator} and spread over the manifests by the
 * GKE component's {@code replacements}. The state's serial and lineage travel with the values, so
 * {@code up} can tell a file from an older state. Which outputs are read is listed in
 * docs/cloud-outputs.md; no output is a secret (secrets are named by their Secret Manager id).
 *
 * @param state the state snapshot the values came from, absent when read from {@code terraform
 *     output -json}, which carries no serial
 * @param values the file's keys and values, in the order they are written
 */
public record CloudOutputs(Optional<StateVersion> state, Map<String, String> values) {

  /** The platform services whose Kubernetes ServiceAccounts act as Google service accounts. */
  public static final List<String> SERVICES =
      List.of(
          "api-gateway",
          "auth-service",
          "trading-engine",
          "market-data",
          "portfolio-service",
          "risk-service");

  /** The keys of output {@code secret_manager_secret_ids}, each an ExternalSecret's source. */
  public static final List<String> SECRETS =
      List.of(
          "db-app-password",
          "redis-auth",
          "jwt-signing-key",
          "grafana-admin-password",
          "cloudsql-server-ca",
          "pgbouncer-stats-password");

  /**
   * The keys of output {@code rbac_groups}, each the group the RoleBindings of one ClusterRole name
   * ({@code alphintra-developer}, {@code alphintra-deployer}).
   */
  public static final List<String> RBAC_GROUPS = List.of("developers", "deployers");

  /**
   * The sample service's tag and digest in the environment's registry ({@code TAG@sha256:...}),
   * written by {@code alphintra cloud images}, not by Terraform: {@code cloud outputs} keeps it
   * when it writes the file again (or takes the example's, the pinned version, before the first
   * push).
   */
  public static final String SAMPLE_SERVICE_TAG = "SAMPLE_SERVICE_TAG";

  /** The value of key SOURCE in the committed example, which {@code up} never accepts. */
  public static final String EXAMPLE_SOURCE = "example";

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern CIDR = Pattern.compile(IPV4.pattern() + "/([0-9]|[12][0-9]|3[0-2])");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-z][a-z0-9-]{4,29}@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com");
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern REGISTRY =
      Pattern.compile(
          "[a-z0-9-]+-docker\\.pkg\\.dev/[a-z][a-z0-9-]{4,28}[a-z0-9]/[a-z0-9][a-z0-9._-]*");

  /**
   * A Google group of the Workspace domain ({@code alphintra-developers@example.com}) with Google
   * Groups for RBAC on; without it the bare name, which no Google identity carries.
   */
  private static final Pattern GROUP =
      Pattern.compile("[a-z0-9][a-z0-9._-]*(@[a-z0-9][a-z0-9.-]*\\.[a-z]{2,})?");

  private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

  public CloudOutputs {
    values = Map.copyOf(new LinkedHashMap<>(values));
  }

  /**
   * Reads the JSON of {@code terraform state pull} (outputs with the state's serial and lineage) or
   * of {@code terraform output -json} (outputs only).
   *
   * @param origin where the JSON came from, for messages
   * @throws InputException when it is not JSON, or an output is missing or malformed
   */
  public static CloudOutputs parse(String json, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputException(
          origin + " is not JSON: " + e.getOriginalMessage(),
          "save the outputs with 'terraform output -json > FILE' or 'terraform state pull > FILE'");
    }
    if (root == null || !root.isObject()) {
      throw new InputException(
          origin + " is not a JSON object of Terraform outputs",
          "save the outputs with 'terraform output -json > FILE' or 'terraform state pull > FILE'");
    }
    Optional<StateVersion> state = Optional.empty();
    JsonNode outputs = root;
    if (root.has("lineage") && root.has("serial") && root.has("outputs")) {
      state =
          Optional.of(
              new StateVersion(root.path("lineage").asText(), root.path("serial").asLong()));
      outputs = root.path("outputs");
    }
    Reader reader = new Reader(outputs, origin);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SOURCE", state.isPresent() ? "terraform-state" : "terraform-output");
    values.put("STATE_LINEAGE", state.map(StateVersion::lineage).orElse(""));
    values.put("STATE_SERIAL", state.map(version -> Long.toString(version.serial())).orElse(""));
    values.put("PROJECT_ID", reader.text("project_id", PROJECT, "a Google Cloud project id"));
    values.put(
        "REGISTRY",
        reader.text(
            "artifact_registry_repository",
            REGISTRY,
            "an Artifact Registry Docker path REGION-docker.pkg.dev/PROJECT/REPOSITORY"));
    String cloudSql = reader.text("cloudsql_private_ip", IPV4, "an IPv4 address");
    values.put("CLOUDSQL_PRIVATE_IP", cloudSql);
    values.put("CLOUDSQL_CIDR", cloudSql + "/32");
    String redis = reader.text("redis_host", IPV4, "an IPv4 address");
    values.put("REDIS_HOST", redis);
    values.put("REDIS_PORT", reader.text("redis_port", PORT, "a port number"));
    values.put("REDIS_CIDR", redis + "/32");
    values.put("GOOGLE_APIS_CIDR", reader.text("google_apis_cidr", CIDR, "an IPv4 CIDR"));
    values.put(
        "GKE_CONTROL_PLANE_CIDR", reader.text("gke_control_plane_cidr", CIDR, "an IPv4 CIDR"));
    for (String service : SERVICES) {
      values.put(
          "GSA_" + key(service),
          reader.entry(
              "workload_identity_service_accounts", service, EMAIL, "a service account email"));
    }
    values.put(
        "GSA_EXTERNAL_SECRETS",
        reader.text("external_secrets_service_account", EMAIL, "a service account email"));
    values.put(
        "GSA_CERT_MANAGER",
        reader.text("cert_manager_service_account", EMAIL, "a service account email"));
    for (String group : RBAC_GROUPS) {
      values.put(
          "RBAC_" + key(group) + "_GROUP",
          reader.entry(
              "rbac_groups",
              group,
              GROUP,
              "a Google group email (alphintra-" + group + "@DOMAIN) or a bare group name"));
    }
    for (String secret : SECRETS) {
      values.put(
          "SECRET_" + key(secret),
          reader.entry(
              "secret_manager_secret_ids",
              secret,
              SECRET_ID,
              "a Secret Manager secret id (the short id, not projects/.../secrets/...)"));
    }
    return new CloudOutputs(state, values);
  }

  /**
   * Reads a file written by {@link #render}: {@code KEY=value} lines, {@code #} comments.
   *
   * @throws InputException on a line that is neither
   */
  public static CloudOutputs read(String text, String origin) {
    Map<String, String> values = OverlayOutputs.parse(text, origin);
    Optional<StateVersion> state = Optional.empty();
    String serial = values.getOrDefault("STATE_SERIAL", "");
    String lineage = values.getOrDefault("STATE_LINEAGE", "");
    if (!serial.isEmpty() && !lineage.isEmpty()) {
      try {
        state = Optional.of(new StateVersion(lineage, Long.parseLong(serial)));
      } catch (NumberFormatException e) {
        throw new InputException(
            origin + ": STATE_SERIAL '" + serial + "' is not a number",
            "write it again with 'alphintra cloud outputs --env ENV'");
      }
    }
    return new CloudOutputs(state, values);
  }

  /** These values with {@code key} set to {@code value}. */
  public CloudOutputs with(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(key, value);
    return new CloudOutputs(state, changed);
  }

  /** Whether this is the committed example rather than an environment's real values. */
  public boolean isExample() {
    return EXAMPLE_SOURCE.equals(values.get("SOURCE"));
  }

  /** The file's text: a header saying where it came from, then one line per key. */
  public String render(Environment environment) {
    StringBuilder text = new StringBuilder();
    text.append("# Terraform outputs of environment ")
        .append(environment.id())
        .append(", written by 'alphintra cloud outputs --env ")
        .append(environment.id())
        .append("'.\n")
        .append("# Read by kustomize (configMapGenerator cloud-outputs); do not edit, run the")
        .append(" command again.\n");
    for (String name : order()) {
      text.append(name).append('=').append(values.get(name)).append('\n');
    }
    return text.toString();
  }

  private List<String> order() {
    // Map.copyOf forgets the order: write SOURCE and the state first, the rest sorted.
    List<String> head = List.of("SOURCE", "STATE_LINEAGE", "STATE_SERIAL");
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    head.stream().filter(values::containsKey).forEach(names::add);
    values.keySet().stream().filter(name -> !head.contains(name)).sorted().forEach(names::add);
    return names;
  }

  private static String key(String name) {
    return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /** Reads outputs from the {@code {"name": {"value": ...}}} shape both JSON forms share. */
  private record Reader(JsonNode outputs, String origin) {

    String text(String name, Pattern pattern, String what) {
      return check(name, value(name), pattern, what);
    }

    String entry(String name, String key, Pattern pattern, String what) {
      JsonNode map = value(name);
      if (!map.isObject()) {
        throw malformed(name, "is not a map");
      }
      JsonNode entry = map.path(key);
      if (entry.isMissingNode() || entry.isNull()) {
        throw new InputException(
            "output '" + name + "' in " + origin + " has no entry '" + key + "'",
            "the environment root must output it (docs/cloud-outputs.md); run 'alphintra cloud"
                + " apply' after adding it");
      }
      return check(name + "[\"" + key + "\"]", entry, pattern, what);
    }

    private JsonNode value(String name) {
      JsonNode output = outputs.path(name);
      if (output.isMissingNode() || !output.has("value") || output.path("value").isNull()) {
        throw new InputException(
            "output '" + name + "' is missing from " + origin,
            "the environment root must output it (docs/cloud-outputs.md); run 'alphintra cloud"
                + " apply' after adding it");
      }
      return output.path("value");
    }

    private String check(String name, JsonNode node, Pattern pattern, String what) {
      if (!node.isValueNode()) {
        throw malformed(name, "is not a single value");
      }
      String text = node.asText();
      if (!pattern.matcher(text).matches()) {
        throw malformed(name, "is '" + text + "', not " + what);
      }
      return text;
    }

    private InputException malformed(String name, String problem) {
      return new InputException(
          "output '" + name + "' in " + origin + " " + problem,
          "fix the output in the environment root (docs/cloud-outputs.md)");
    }
  }
}
