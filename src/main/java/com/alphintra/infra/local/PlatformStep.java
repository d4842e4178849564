package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 5: the platform manifests. Renders the overlay, applies it in dependency order (server-side
 * apply, field manager alphintra) together with the Secrets generated from the templates. The
 * Prometheus operator's kinds wait for the observability step, which installs their CRDs.
 */
final class PlatformStep implements Step {

  static final String DEFERRED_GROUP = "monitoring.coreos.com/";

  private final RenderedOverlay overlay;
  private final LocalSecrets secrets;
  private final boolean generateSecrets;
  private final Supplier<Cluster> cluster;
  private final List<String> plannedObjects;
  private final Path shownOverlay;
  private final AppliedObjects applied = new AppliedObjects();

  /**
   * @param generateSecrets true locally: the Secrets are generated from the templates; false on
   *     GKE, where they come from Secret Manager and must exist before the workloads that read them
   *     are applied
   */
  PlatformStep(
      RenderedOverlay overlay,
      LocalSecrets secrets,
      boolean generateSecrets,
      Supplier<Cluster> cluster,
      Path shownOverlay,
      List<String> plannedObjects) {
    this.overlay = overlay;
    this.secrets = secrets;
    this.generateSecrets = generateSecrets;
    this.cluster = cluster;
    this.shownOverlay = shownOverlay;
    this.plannedObjects = List.copyOf(plannedObjects);
  }

  static boolean isDeferred(HasMetadata object) {
    return object.getApiVersion() != null && object.getApiVersion().startsWith(DEFERRED_GROUP);
  }

  @Override
  public String name() {
    return "platform";
  }

  @Override
  public String description() {
    return "render the overlay, "
        + (generateSecrets ? "generate local Secrets" : "check its Secrets exist")
        + ", apply everything in dependency order (server-side apply)";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>();
    details.add("run: " + String.join(" ", RenderedOverlay.command(shownOverlay)));
    details.addAll(plannedObjects);
    List<String> names =
        secrets.templates().stream()
            .map(template -> template.namespace() + "/" + template.name())
            .toList();
    if (generateSecrets) {
      details.add(
          "apply: "
              + names.size()
              + " Secrets from base/secrets templates (values in .alphintra/secrets.yaml, "
              + "owner-only): "
              + String.join(", ", names));
    } else {
      List<String> required = requiredInTheCloud();
      details.add(
          "require: "
              + required.size()
              + " Secrets, from Secret Manager, before anything is applied: "
              + String.join(", ", required));
    }
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(3);
  }

  @Override
  public String hint() {
    return "'kubectl kustomize "
        + shownOverlay
        + "' shows the rendered objects; fix the object named above "
        + "and run 'alphintra up --from platform'";
  }

  private List<HasMetadata> objects() throws InterruptedException {
    List<HasMetadata> objects = new ArrayList<>();
    for (HasMetadata object : overlay.objects()) {
      if (!isDeferred(object)) {
        objects.add(object);
      }
    }
    if (generateSecrets) {
      objects.addAll(secrets.secrets());
    }
    return objects;
  }

  @Override
  public boolean isDone() throws InterruptedException {
    return applied.allPresent(cluster.get(), objects());
  }

  @Override
  public void apply() throws InterruptedException {
    if (!generateSecrets) {
      requireSecrets();
    }
    applied.apply(cluster.get(), objects());
  }

  /**
   * The Secrets a GKE environment needs: the templates whose cloud source is not "none" (the local
   * data stores' are), and the gateway's certificate.
   */
  private List<String> requiredInTheCloud() {
    List<String> required = new ArrayList<>();
    for (SecretTemplate template : secrets.templates()) {
      if (template.isNeededInTheCloud()) {
        required.add(template.namespace() + "/" + template.name());
      }
    }
    required.add(IstioStep.GATEWAY_NAMESPACE + "/" + GatewayTlsStep.SECRET);
    return required;
  }

  /**
   * On GKE nothing is applied until every Secret it needs exists: a workload without one
   * crash-loops.
   */
  private void requireSecrets() {
    List<String> missing = new ArrayList<>();
    for (String secret : requiredInTheCloud()) {
      String[] parts = secret.split("/", 2);
      if (cluster.get().get(Secret.class, parts[0], parts[1]).isEmpty()) {
        missing.add(secret);
      }
    }
    if (!missing.isEmpty()) {
      throw new StepFailedException(
          "Secrets missing on the cluster: " + String.join(", ", missing),
          "Create them from Secret Manager first (each template in infra/kubernetes/base/secrets names its source"
              + " in the alphintra.io/cloud-source annotation), then run 'alphintra up --from platform'");
    }
  }

  @Override
  public void undo() {
    applied.undo(cluster.get());
  }
}
