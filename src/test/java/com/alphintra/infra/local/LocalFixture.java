package com.alphintra.infra.local;

import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.testing.TreeCopy;
import com.alphintra.infra.workspace.Workspace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A checkout copied from src/test/resources/local/workspace, a fake k3d that creates Ready nodes in
 * the CRUD mock server, a fake kubectl that renders the fixture overlay, fake Helm and a fake
 * ingress prober.
 */
public final class LocalFixture {

  public static final Path SOURCE = Path.of("src/test/resources/local/workspace");

  public final Workspace workspace;
  public final FakeProcessRunner processes;
  public final FakeHostProbe host = new FakeHostProbe();
  public final FakeCharts charts;
  public final KubernetesClient client;
  public final AtomicBoolean clusterExists = new AtomicBoolean();
  public final List<String> probes = new ArrayList<>();
  public boolean ingressAnswers = true;
  public int clusterConnections;

  public LocalFixture(Path root, KubernetesClient client) {
    this.workspace = copy(root);
    this.client = client;
    this.charts = new FakeCharts(client);
    this.processes =
        new FakeProcessRunner()
            .succeeds("Docker version 28.2.2, build e6534b4\n", "docker", "--version")
            .succeeds("28.2.2\n", "docker", "info")
            .succeeds("k3d version v5.8.3\n", "k3d", "version")
            .succeeds("Client Version: v1.34.1\n", "kubectl", "version")
            .respond(
                command -> ok(command, clusterExists.get() ? "[{\"name\":\"alphintra\"}]" : "[]"),
                "k3d",
                "cluster",
                "list")
            .respond(
                command -> ok(command, "[{\"name\":\"k3d-alphintra-registry.localhost\"}]"),
                "k3d",
                "registry",
                "list")
            .respond(this::createCluster, "k3d", "cluster", "create")
            .respond(this::deleteCluster, "k3d", "cluster", "delete")
            .respond(command -> ok(command, ""), "k3d", "registry", "delete")
            .respond(command -> ok(command, renderOverlay()), "kubectl", "kustomize");
  }

  public LocalServices services() {
    return new LocalServices(
        context -> {
          clusterConnections++;
          // A client of its own, as production makes one per connection: closing it leaves the
          // test's open.
          return Cluster.createOrUpdate(
              new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                  .withConfig(client.getConfiguration())
                  .build());
        },
        (context, state) -> charts,
        ca ->
            (host, port) -> {
              probes.add(host + ":" + port);
              return new ProbeResult(
                  ingressAnswers, ingressAnswers ? "answered HTTP/2 404" : "connection refused");
            },
        Clock.systemUTC(),
        Duration.ofMillis(300));
  }

  public LocalEnvironment environment() {
    return new LocalEnvironment(workspace, processes, new Doctor(processes, host), services());
  }

  private ProcessResult createCluster(Command command) {
    for (String name :
        List.of("k3d-alphintra-server-0", "k3d-alphintra-agent-0", "k3d-alphintra-agent-1")) {
      client.resource(readyNode(name)).createOr(operation -> operation.update());
    }
    clusterExists.set(true);
    return ok(command, "INFO[0030] Cluster 'alphintra' created successfully!");
  }

  private ProcessResult deleteCluster(Command command) {
    client.nodes().delete();
    clusterExists.set(false);
    return ok(command, "INFO[0002] Successfully deleted cluster alphintra!");
  }

  static Node readyNode(String name) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private String renderOverlay() {
    Path overlay = workspace.kubernetes().resolve("overlays/local");
    try {
      return Files.readString(overlay.resolve("namespaces.yaml"))
          + "\n---\n"
          + Files.readString(overlay.resolve("mesh.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessResult ok(Command command, String stdout) {
    return ProcessResult.exited(command, 0, stdout, "", Duration.ofMillis(5));
  }

  private static Workspace copy(Path root) {
    try {
      TreeCopy.copy(SOURCE, root);
      return new Workspace(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
