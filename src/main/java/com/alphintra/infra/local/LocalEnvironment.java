package com.alphintra.infra.local;

import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * The local environment's lifecycle, one method per command: {@code up} (plan and run with
 * rollback), {@code down}, {@code status} and {@code access}.
 */
public final class LocalEnvironment {

  private final Workspace workspace;
  private final ProcessRunner processes;
  private final Doctor doctor;
  private final LocalServices services;

  public LocalEnvironment(
      Workspace workspace, ProcessRunner processes, Doctor doctor, LocalServices services) {
    this.workspace = workspace;
    this.processes = processes;
    this.doctor = doctor;
    this.services = services;
  }

  public UpResult up(UpRequest request, ProgressListener listener) {
    K3dCluster k3d = PlanFactory.cluster(workspace, services);
    String context = PlanFactory.contextFor(k3d, request.context());
    Lazy<Cluster> cluster =
        new Lazy<>(() -> refuseRemote(services.clusters().apply(context), context, request));
    Plan plan = new PlanFactory(workspace, processes, doctor, services).build(request, cluster);
    Set<String> selected = plan.select(request.only(), request.from());
    Path ca = workspace.localState().resolve("tls").resolve(LocalCertificateAuthority.CA_FILE);
    if (request.dryRun()) {
      return new UpResult(plan, selected, Optional.empty(), ca);
    }
    if (!selected.contains("cluster")) {
      // The cluster must be there already: resolve its context before any step runs, so a context
      // that is missing or remote is refused with nothing done and nothing sent.
      cluster.get();
    }
    try {
      RunReport report =
          new PlanRunner(services.clock(), listener).run(plan, selected, request.keepOnFailure());
      return new UpResult(plan, selected, Optional.of(report), ca);
    } finally {
      if (cluster.isMade()) {
        cluster.get().close();
      }
    }
  }

  /**
   * The local overlay generates Secrets and a CA meant for a laptop: it goes onto a cluster whose
   * API server is on this machine, or elsewhere only when the person says so.
   */
  private static Cluster refuseRemote(Cluster cluster, String context, UpRequest request) {
    java.net.URI server = java.net.URI.create(cluster.masterUrl());
    if (request.isLocalOverlay()
        && !request.allowRemoteContext()
        && !KubeContext.isLoopback(server)) {
      cluster.close();
      throw new InputException(
          "context "
              + context
              + " points at "
              + server
              + ", which is not this machine; the local overlay (generated Secrets, a local CA) is"
              + " for a cluster on this machine",
          "for a cloud cluster use its overlay (--overlay dev|staging|prod); if this cluster is"
              + " meant for the local overlay, pass --allow-remote-context");
    }
    return cluster;
  }

  public DownResult down(DownRequest request) throws InterruptedException {
    K3dCluster k3d = PlanFactory.cluster(workspace, services);
    Programs programs = new Programs(processes);
    boolean exists =
        listed(programs, List.of("k3d", "cluster", "list", "--output", "json"), k3d.name());
    if (exists) {
      programs.require(
          Command.of("k3d", "cluster", "delete", k3d.name())
              .withTimeout(ClusterStep.DELETE_TIMEOUT),
          "deleting the k3d cluster");
    }
    String registry = k3d.registryContainer().orElse("");
    boolean registryDeleted = false;
    if (!request.keepRegistry()
        && !registry.isEmpty()
        && listed(programs, List.of("k3d", "registry", "list", "--output", "json"), registry)) {
      programs.require(
          Command.of("k3d", "registry", "delete", registry).withTimeout(ClusterStep.DELETE_TIMEOUT),
          "deleting the k3d registry");
      registryDeleted = true;
    }
    List<Path> kept = new ArrayList<>();
    List<Path> purged = new ArrayList<>();
    for (Path directory : k3d.volumeHostDirectories()) {
      if (request.purge() && Files.exists(directory)) {
        deleteTree(directory);
        purged.add(directory);
      } else if (Files.exists(directory)) {
        kept.add(directory);
      }
    }
    return new DownResult(k3d.name(), exists, registry, registryDeleted, kept, purged);
  }

  private static boolean listed(Programs programs, List<String> command, String name)
      throws InterruptedException {
    ProcessResult result =
        programs.require(
            Command.of(command).withTimeout(ClusterStep.QUERY_TIMEOUT),
            "'" + String.join(" ", command) + "'");
    try {
      for (JsonNode item :
          new ObjectMapper().readTree(result.stdout().isBlank() ? "[]" : result.stdout())) {
        if (name.equals(item.path("name").asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new StepFailedException(
          "'" + String.join(" ", command) + "' printed something that is not JSON",
          result.stdout());
    }
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete "
              + directory
              + " (files written by containers may belong "
              + "to root: sudo rm -rf "
              + directory
              + ")",
          e);
    }
  }

  public HealthReport status(Optional<String> context) {
    K3dCluster k3d = PlanFactory.cluster(workspace, services);
    String name = PlanFactory.contextFor(k3d, context);
    IngressProber prober =
        services
            .probers()
            .apply(
                workspace.localState().resolve("tls").resolve(LocalCertificateAuthority.CA_FILE));
    try (Cluster cluster = services.clusters().apply(name)) {
      return new HealthCheck(Optional.of(prober), k3d.ingressHostPort()).examine(cluster, name);
    } catch (KubernetesClientException e) {
      return new HealthReport(
          name,
          Optional.empty(),
          List.of(
              new HealthItem(
                  "cluster",
                  name,
                  false,
                  "not reachable: " + firstLine(e.getMessage()) + " (is it up? 'alphintra up')")));
    }
  }

  /**
   * {@link #status} plus the deep check: one traced request across the whole call graph through the
   * ingress gateway, an undeclared call that must be denied, the trace in Jaeger and mutual TLS in
   * Istio's metrics.
   */
  public HealthReport deepStatus(Optional<String> context) throws InterruptedException {
    HealthReport report = status(context);
    K3dCluster k3d = PlanFactory.cluster(workspace, services);
    String name = PlanFactory.contextFor(k3d, context);
    CallGraph graph = CallGraph.read(workspace.kubernetes().resolve("base/configmaps"));
    Duration telemetryWait = min(services.readinessWait(), TELEMETRY_WAIT);
    SmokeTest smoke =
        new SmokeTest(
            graph,
            "alphintra",
            telemetryWait,
            min(telemetryWait.dividedBy(3), SMOKE_POLL),
            SmokeTest.randomTraceIds());
    List<HealthItem> items = new ArrayList<>(report.items());
    try (Cluster cluster = services.clusters().apply(name);
        SmokeProbes probes =
            services
                .smokeProbes()
                .apply(
                    cluster,
                    new GatewayEndpoint(
                        k3d.ingressHostPort(),
                        workspace
                            .localState()
                            .resolve("tls")
                            .resolve(LocalCertificateAuthority.CA_FILE)))) {
      items.addAll(smoke.run(probes));
    } catch (KubernetesClientException e) {
      items.add(
          new HealthItem(
              SmokeTest.GROUP,
              "deep check",
              false,
              "cluster not reachable: " + firstLine(e.getMessage())));
    }
    return new HealthReport(report.context(), report.istioVersion(), items);
  }

  /**
   * Span flush and a Prometheus scrape interval or two: what a trace and a metric may take to show
   * up.
   */
  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(60);

  private static final Duration SMOKE_POLL = Duration.ofSeconds(2);

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Opens a port-forward on 127.0.0.1 per add-on, each on its usual port or, when that is busy, the
   * next free one. The caller closes the session.
   */
  public AccessSession access(List<Addon> addons, Optional<String> context, IntPredicate isFree) {
    String name = PlanFactory.contextFor(PlanFactory.cluster(workspace, services), context);
    Cluster cluster = services.clusters().apply(name);
    List<OpenForward> forwards = new ArrayList<>();
    List<AutoCloseable> handles = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    try {
      for (Addon addon : addons) {
        if (cluster.get(Service.class, HealthCheck.OBSERVABILITY, addon.service()).isEmpty()) {
          throw new StepFailedException(
              "Service "
                  + HealthCheck.OBSERVABILITY
                  + "/"
                  + addon.service()
                  + " of "
                  + addon.label()
                  + " is not there",
              "install the add-ons with 'alphintra up --only observability'");
        }
        int port = LocalPorts.choose(addon.preferredLocalPort(), isFree, taken);
        taken.add(port);
        handles.add(
            cluster.portForward(
                HealthCheck.OBSERVABILITY, addon.service(), addon.servicePort(), port));
        forwards.add(
            new OpenForward(
                addon,
                port,
                port == addon.preferredLocalPort()
                    ? OptionalInt.empty()
                    : OptionalInt.of(addon.preferredLocalPort())));
      }
    } catch (RuntimeException e) {
      handles.forEach(LocalEnvironment::closeQuietly);
      cluster.close();
      if (e instanceof KubernetesClientException unreachable) {
        throw new OperationFailedException(
            "cannot reach the cluster of context "
                + name
                + ": "
                + firstLine(unreachable.getMessage()),
            "is it up? 'alphintra status' checks it; 'alphintra up' creates it");
      }
      throw e;
    }
    handles.add(cluster);
    return new AccessSession(forwards, handles);
  }

  private static void closeQuietly(AutoCloseable handle) {
    try {
      handle.close();
    } catch (Exception e) {
      // Best effort while reporting the real failure.
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
