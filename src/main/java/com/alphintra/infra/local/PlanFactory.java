package com.alphintra.infra.local;

import com.alphintra.infra.cloud.CloudOutputsGate;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.EnvironmentSettingsReader;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.RequirementsReader;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.image.SampleServiceBuild;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.MirroredImage;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the plan of {@code up} from the checkout: chart versions from infra/versions.yaml, the
 * cluster from the k3d config, the platform from an overlay (local by default; dev, staging or prod
 * onto a GKE context), our Helm values beside the manifests. Building touches nothing: connections
 * to the cluster and Helm are made when a step first needs them.
 */
public final class PlanFactory {

  /**
   * PHASE-2.md's targets for {@code up}, and only those: cluster startup under 5 minutes, service
   * deployment under 2. (Its third local target, the development cycle under 30 s, is {@code dev
   * deploy}'s; its fourth, infrastructure provisioning under 15 minutes, is Terraform's.)
   */
  static final List<Budget> BUDGETS =
      List.of(
          new Budget("cluster startup", Duration.ofMinutes(5), List.of("prerequisites", "cluster")),
          new Budget("service deployment", Duration.ofMinutes(2), List.of("images", "platform")));

  private final Workspace workspace;
  private final ProcessRunner processes;
  private final Doctor doctor;
  private final LocalServices services;

  public PlanFactory(
      Workspace workspace, ProcessRunner processes, Doctor doctor, LocalServices services) {
    this.workspace = workspace;
    this.processes = processes;
    this.doctor = doctor;
    this.services = services;
  }

  public static String contextFor(K3dCluster config, java.util.Optional<String> context) {
    return context.orElse(config.context());
  }

  /** The local cluster's k3d config, expanded with the environment k3d gets. */
  public static K3dCluster cluster(Workspace workspace, LocalServices services) {
    return K3dCluster.read(
        workspace.k3dConfig(), K3dCluster.environmentFor(services.environment()));
  }

  public Plan build(UpRequest request, Supplier<Cluster> cluster) {
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    K3dCluster k3d = cluster(workspace, services);
    boolean existingCluster = request.context().isPresent();
    String context = contextFor(k3d, request.context());
    Path overlay = workspace.kubernetes().resolve("overlays").resolve(request.overlay());
    boolean local = request.isLocalOverlay();
    if (!local && !existingCluster) {
      throw new InputException(
          "overlay " + request.overlay() + " is for a GKE cluster, not the local k3d one",
          "pass its kube context: 'alphintra cloud kubeconfig --env "
              + request.overlay()
              + "' names it alphintra-"
              + request.overlay());
    }
    List<String> notes = new ArrayList<>();
    if (!Files.isRegularFile(overlay.resolve("kustomization.yaml"))) {
      if (!request.dryRun() || !local) {
        throw new InputException(
            "overlay " + request.overlay() + " does not exist",
            overlay,
            "use local, dev, staging or prod (the folders of infra/kubernetes/overlays), or restore it from git");
      }
      notes.add("overlay " + shown(overlay) + " is missing: the platform step would fail");
    }
    ChartReleases chartReleases = new ChartReleases(workspace, pins);
    if (!local) {
      // the charts' mirror layers take their tags from the list: never from a stale one
      MirroredImage.current(pins);
      requireCurrentOutputs(request, notes);
    }
    Programs programs = new Programs(processes);
    Supplier<Charts> charts =
        new Lazy<>(() -> services.charts().apply(context, workspace.localState()));
    RenderedOverlay rendered = new RenderedOverlay(programs, overlay, cluster);
    LocalCertificateAuthority authority =
        new LocalCertificateAuthority(workspace.localState().resolve("tls"), services.clock());
    LocalSecrets secrets =
        new LocalSecrets(
            workspace.kubernetes().resolve("base/secrets"),
            workspace.localState().resolve("secrets.yaml"));
    Duration wait = services.readinessWait();

    List<Step> steps =
        new ArrayList<>(
            List.of(
                new PrerequisitesStep(doctor, RequirementsReader.read(workspace), existingCluster),
                new ClusterStep(programs, k3d, shown(k3d.file()), cluster, wait),
                new IstioStep(
                    new Releases(chartReleases.istio(request.overlay()), charts, workspace.root()),
                    cluster,
                    wait)));
    // On GKE the gateway's certificate comes from a real CA, as one of the Secrets the platform
    // step requires.
    if (local) {
      steps.add(new GatewayTlsStep(authority, cluster));
    }
    // The sample service image, before the Deployments that run it; a checkout without the service
    // has none.
    Path samplePom = workspace.root().resolve("services/sample-service/pom.xml");
    if (Files.isRegularFile(samplePom) && !existingCluster) {
      steps.add(
          new ImagesStep(
              new SampleServiceBuild(
                  workspace,
                  processes,
                  services.images().apply(LocalServices.imageCache(workspace))),
              registryHostAddress(k3d),
              shown(samplePom)));
    }
    steps.add(
        new PlatformStep(
            rendered, secrets, local, cluster, shown(overlay), plannedObjects(overlay)));
    // On GKE the Secrets come from Secret Manager and the gateway's certificate from Let's
    // Encrypt, through the operators this step installs.
    if (!local) {
      steps.add(
          new SecretsStep(
              new Releases(chartReleases.operators(request.overlay()), charts, workspace.root()),
              rendered,
              cluster,
              wait));
      // The db-extensions Job reads the Secrets the secrets step waited for.
      steps.add(new JobsStep(rendered, cluster, wait));
    }
    steps.addAll(
        List.of(
            new ObservabilityStep(
                new Releases(
                    chartReleases.observability(request.overlay()), charts, workspace.root()),
                rendered,
                cluster),
            // A cloud overlay's gateway is published by a Google Cloud load balancer, not on
            // the loopback port the k3d config publishes.
            new VerificationStep(
                new HealthCheck(
                    local
                        ? Optional.of(services.probers().apply(authority.caCertificate()))
                        : Optional.empty(),
                    k3d.ingressHostPort()),
                cluster,
                context,
                wait)));
    if (existingCluster) {
      notes.add(
          "context "
              + context
              + ": the cluster step is skipped; the platform layers go onto that cluster");
    }
    if (!local) {
      notes.add(
          "overlay "
              + request.overlay()
              + ": no local CA and no generated Secrets; External Secrets makes them from Secret"
              + " Manager and cert-manager the gateway's certificate; the ingress is not probed");
    }
    // A budget counts the steps this plan has: without the sample service there is no images step.
    List<String> names = steps.stream().map(Step::name).toList();
    List<Budget> budgets =
        BUDGETS.stream()
            .map(
                budget ->
                    new Budget(
                        budget.label(),
                        budget.limit(),
                        budget.steps().stream().filter(names::contains).toList()))
            .toList();
    return new Plan(context, steps, existingCluster ? Set.of("cluster") : Set.of(), budgets, notes);
  }

  /** Where the images step pushes: the registry's host address in the k3d config. */
  public static String registryHostAddress(K3dCluster k3d) {
    return k3d.registryHostAddress()
        .orElseThrow(
            () ->
                new InputException(
                    "the k3d config publishes no fixed host port for its registry, so there is"
                        + " nowhere to push the sample image",
                    k3d.file(),
                    "set registries.create.hostPort (for example \"5000\", or a free port such as"
                        + " \"5050\" where AirPlay holds 5000)"));
  }

  /**
   * A cloud overlay is applied only with the Terraform outputs of its environment's current state
   * (cloud-outputs.env): otherwise images, addresses and identities could be another project's.
   */
  private void requireCurrentOutputs(UpRequest request, List<String> notes) {
    Environment environment =
        java.util.Arrays.stream(Environment.values())
            .filter(candidate -> candidate.id().equals(request.overlay()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InputException(
                        "overlay " + request.overlay() + " is not a cloud environment",
                        "use dev, staging or prod (each has a Terraform root under"
                            + " infra/terraform/environments)"));
    CloudOutputsGate gate =
        new CloudOutputsGate(
            processes,
            new EnvironmentSettingsReader(workspace.terraform().resolve("environments"))::read,
            workspace.kubernetes().resolve("overlays"));
    if (request.dryRun()) {
      notes.add(
          "overlay "
              + request.overlay()
              + ": a real run first checks that cloud-outputs.env matches the environment's current"
              + " Terraform state ('alphintra cloud outputs --env "
              + request.overlay()
              + "' writes it)");
      return;
    }
    gate.requireCurrent(environment);
  }

  private List<String> plannedObjects(Path overlay) {
    Map<String, Integer> counts = ObjectCounts.count(overlay);
    if (counts.isEmpty()) {
      return List.of(
          "objects: counts unavailable (the overlay's files could not be read; no process is run "
              + "for a dry run)");
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<String> lines = new ArrayList<>();
    lines.add(
        "apply: "
            + total
            + " objects (server-side apply, field manager "
            + Cluster.FIELD_MANAGER
            + "; counted from the overlay's files):");
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      String part = count.getKey() + " " + count.getValue();
      if (line.length() + part.length() > 90) {
        lines.add("  " + line.toString().strip());
        line.setLength(0);
      }
      line.append(part).append(", ");
    }
    if (line.length() > 0) {
      lines.add("  " + line.substring(0, line.length() - 2));
    }
    return lines;
  }

  /**
   * Paths as a person sees them in the plan: relative to the checkout, so the plan reads the same
   * anywhere.
   */
  private Path shown(Path path) {
    return path.startsWith(workspace.root()) ? workspace.root().relativize(path) : path;
  }
}
