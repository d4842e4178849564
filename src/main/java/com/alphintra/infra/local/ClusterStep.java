package com.alphintra.infra.local;

import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step 2: the k3d cluster and its registry, from the k3d config. Creates the persistent-volume host
 * folders first (owner-only), lets k3d merge the kubeconfig and switch the current context, and
 * waits until every node is Ready. Undo deletes the cluster and its registry; the data folders
 * stay.
 */
final class ClusterStep implements Step {

  static final Duration CREATE_TIMEOUT = Duration.ofMinutes(4);
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

  private final Programs programs;
  private final K3dCluster config;
  private final Path shownConfig;
  private final Supplier<Cluster> cluster;
  private final Duration readinessWait;

  ClusterStep(
      Programs programs,
      K3dCluster config,
      Path shownConfig,
      Supplier<Cluster> cluster,
      Duration readinessWait) {
    this.readinessWait = readinessWait;
    this.programs = programs;
    this.config = config;
    this.shownConfig = shownConfig;
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public String description() {
    return "create the k3d cluster '"
        + config.name()
        + "' ("
        + config.servers()
        + " server, "
        + config.agents()
        + " agents)"
        + config.registryContainer().map(registry -> " and registry " + registry).orElse("")
        + ", wait until every node is Ready";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>();
    String dataFolder = config.environment().getOrDefault(K3dCluster.DATA_DIR_VARIABLE, "");
    for (Path directory : config.volumeHostDirectories()) {
      details.add(
          "create: "
              + directory
              + (directory.toString().equals(dataFolder)
                  ? " (the data folder, $" + K3dCluster.DATA_DIR_VARIABLE + "; "
                  : " (")
              + "owner-only, kept by 'down' unless --purge)");
    }
    details.add("run: " + String.join(" ", createArguments(shownConfig)));
    details.add("wait: " + config.nodes() + " nodes Ready in context " + config.context());
    details.add(
        "registry: images are pushed to "
            + config
                .registryHostAddress()
                .orElse("(no fixed host port: set registries.create.hostPort)")
            + config.registryContainer().map(name -> " (" + name + ")").orElse("")
            + ", as read from the k3d config");
    details.add(
        "ingress: the gateway's 443 is probed on "
            + config.ingressHostAddress().orElse("(not published: add a ports entry for 443)")
            + ", as read from the k3d config");
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(5);
  }

  @Override
  public String hint() {
    return "check that Docker runs and has room ('docker info', 'docker system df'); 'k3d cluster list' and "
        + "'docker ps -a' show what k3d left behind";
  }

  @Override
  public boolean isDone() throws InterruptedException {
    return exists() && allNodesReady();
  }

  private boolean exists() throws InterruptedException {
    ProcessResult list =
        programs.require(
            Command.of("k3d", "cluster", "list", "--output", "json").withTimeout(QUERY_TIMEOUT),
            "listing k3d clusters");
    try {
      JsonNode clusters =
          new ObjectMapper().readTree(list.stdout().isBlank() ? "[]" : list.stdout());
      for (JsonNode found : clusters) {
        if (config.name().equals(found.path("name").asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new StepFailedException(
          "'k3d cluster list --output json' printed something that is not JSON", list.stdout());
    }
  }

  private boolean allNodesReady() {
    try {
      List<Node> nodes = cluster.get().list(Node.class, null);
      return nodes.size() >= config.nodes() && nodes.stream().allMatch(Readiness::isReady);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void apply() throws InterruptedException {
    for (Path directory : config.volumeHostDirectories()) {
      OwnerOnlyFiles.createDirectory(directory);
    }
    if (!exists()) {
      programs.require(
          Command.of(createArguments(config.file()))
              .withTimeout(CREATE_TIMEOUT)
              .withEnvironment(dataFolderVariable()),
          "creating the k3d cluster");
    }
    if (!connection().waitUntil(this::allNodesReady, readinessWait)) {
      throw new StepFailedException(
          "not every node of "
              + config.context()
              + " became Ready within "
              + Durations.format(readinessWait),
          "wanted "
              + config.nodes()
              + " Ready nodes; 'kubectl get nodes --context "
              + config.context()
              + "' shows them");
    }
  }

  /** k3d expands the config's {@code ${ALPHINTRA_DATA_DIR}} with the folder created above. */
  private Map<String, String> dataFolderVariable() {
    String folder = config.environment().get(K3dCluster.DATA_DIR_VARIABLE);
    return folder == null ? Map.of() : Map.of(K3dCluster.DATA_DIR_VARIABLE, folder);
  }

  /**
   * The cluster's connection; the cluster exists now, so a context missing from the kubeconfig
   * means k3d wrote it to a file this command does not read.
   */
  private Cluster connection() {
    try {
      return cluster.get();
    } catch (MissingPrerequisiteException e) {
      throw new MissingPrerequisiteException(
          e.getMessage() + ", although k3d has the cluster '" + config.name() + "'",
          "k3d writes its context to the default kubeconfig: `k3d kubeconfig merge "
              + config.name()
              + " --kubeconfig-merge-default` adds it to ~/.kube/config; make KUBECONFIG include"
              + " that file, then run `alphintra up` again");
    }
  }

  private List<String> createArguments(Path file) {
    return List.of(
        "k3d",
        "cluster",
        "create",
        "--config",
        file.toString(),
        "--kubeconfig-update-default",
        "--kubeconfig-switch-context");
  }

  @Override
  public void undo() throws InterruptedException {
    programs.require(
        Command.of("k3d", "cluster", "delete", config.name()).withTimeout(DELETE_TIMEOUT),
        "deleting the k3d cluster");
    Optional<String> registry = config.registryContainer();
    if (registry.isPresent()) {
      // k3d may already have removed the registry it created with the cluster; "not found" is fine.
      programs.run(
          Command.of("k3d", "registry", "delete", registry.get()).withTimeout(DELETE_TIMEOUT));
    }
  }
}
