package com.alphintra.infra.local;

import com.alphintra.infra.cloud.CloudOutputsGate;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.EnvironmentSettingsReader;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.RequirementsReader;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.image.SampleServiceBuild;
import com.alphintra.infra.image.SampleServiceImage;
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

  /** PHASE-2.md's targets: cluster startup under 5 minutes, service deployment under 2. */
  static final List<Budget> BUDGETS =
      List.of(
          new Budget("cluster startup", Duration.ofMinutes(5), List.of("prerequisites", "cluster")),
          new Budget("service deployment", Duration.ofMinutes(2), List.of("images", "platform")),
          new Budget(
              "whole environment",
              Duration.ofMinutes(15),
              List.of(
                  "prerequisites",
                  "cluster",
                  "istio",
                  "tls",
                  "images",
                  "platform",
                  "secrets",
                  "observability",
                  "verify")));

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

  public static String contextFor(K3dConfig config, java.util.Optional<String> context) {
    return context.orElse(config.context());
  }

  public Plan build(UpRequest request, Supplier<Cluster> cluster) {
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    K3dConfig k3d = K3dConfig.read(workspace.k3dConfig());
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
    if (!local) {
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
                    new Releases(istioReleases(pins), charts, workspace.root()), cluster, wait)));
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
              SampleServiceImage.HOST_REGISTRY,
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
              new Releases(operatorReleases(pins), charts, workspace.root()),
              rendered,
              cluster,
              wait));
    }
    steps.addAll(
        List.of(
            new ObservabilityStep(
                new Releases(observabilityReleases(pins), charts, workspace.root()),
                rendered,
                cluster),
            // A cloud overlay's gateway is published by a Google Cloud load balancer, not on
            // 127.0.0.1:443.
            new VerificationStep(
                new HealthCheck(
                    local
                        ? Optional.of(services.probers().apply(authority.caCertificate()))
                        : Optional.empty()),
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

  private List<ChartRelease> istioReleases(PinnedVersions pins) {
    String repository = pins.require("kubernetes.istio.charts.repository");
    Path values = workspace.kubernetes().resolve("istio/helm");
    List<ChartRelease> releases = new ArrayList<>();
    releases.add(
        release(
            "istio-base",
            "istio-system",
            "istio",
            repository,
            "base",
            pins.require("kubernetes.istio.charts.base"),
            values.resolve("base-values.yaml")));
    pins.find("kubernetes.istio.charts.cni")
        .ifPresent(
            version ->
                releases.add(
                    release(
                        "istio-cni",
                        "istio-system",
                        "istio",
                        repository,
                        "cni",
                        version,
                        values.resolve("cni-values.yaml"))));
    releases.add(
        release(
            "istiod",
            "istio-system",
            "istio",
            repository,
            "istiod",
            pins.require("kubernetes.istio.charts.istiod"),
            values.resolve("istiod-values.yaml")));
    releases.add(
        release(
            IstioStep.GATEWAY,
            IstioStep.GATEWAY_NAMESPACE,
            "istio",
            repository,
            "gateway",
            pins.require("kubernetes.istio.charts.gateway"),
            values.resolve("gateway-values.yaml")));
    return releases;
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

  private List<ChartRelease> operatorReleases(PinnedVersions pins) {
    Path values = workspace.kubernetes().resolve("operators/helm");
    List<ChartRelease> releases = new ArrayList<>();
    // pin key, release name and namespace, repository name as the upstream project calls it
    for (List<String> entry :
        List.of(
            List.of("externalSecrets", "external-secrets", "external-secrets"),
            List.of("certManager", "cert-manager", "jetstack"))) {
      String key = "kubernetes." + entry.get(0);
      String chart = pins.require(key + ".chart");
      releases.add(
          release(
              entry.get(1),
              entry.get(1),
              entry.get(2),
              pins.require(key + ".repository"),
              chart,
              pins.require(key + ".version"),
              values.resolve(chart + "-values.yaml")));
    }
    return releases;
  }

  private List<ChartRelease> observabilityReleases(PinnedVersions pins) {
    Path values = workspace.kubernetes().resolve("observability/helm");
    List<ChartRelease> releases = new ArrayList<>();
    // pin key, release name, repository name as the upstream project calls it
    for (List<String> entry :
        List.of(
            List.of("kubePrometheusStack", "kube-prometheus-stack", "prometheus-community"),
            List.of("jaeger", "jaeger", "jaegertracing"),
            List.of("kiali", "kiali", "kiali"))) {
      String key = "observability." + entry.get(0);
      String chart = pins.require(key + ".chart");
      releases.add(
          release(
              entry.get(1),
              HealthCheck.OBSERVABILITY,
              entry.get(2),
              pins.require(key + ".repository"),
              chart,
              pins.require(key + ".version"),
              values.resolve(chart + "-values.yaml")));
    }
    return releases;
  }

  private ChartRelease release(
      String name,
      String namespace,
      String repositoryName,
      String repositoryUrl,
      String chart,
      String version,
      Path valuesFile) {
    if (!Files.isRegularFile(valuesFile)) {
      throw new InputException(
          "the Helm values for " + chart + " are missing",
          valuesFile,
          "restore " + shown(valuesFile) + " from git");
    }
    return new ChartRelease(
        name, namespace, repositoryName, repositoryUrl, chart, version, valuesFile);
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
