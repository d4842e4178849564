package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
   *     GKE, where External Secrets and cert-manager make them (the secrets step)
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

  /** Kinds whose CRDs a later step installs: monitoring (observability), operators (secrets). */
  static boolean isDeferred(HasMetadata object) {
    return isMonitoring(object) || SecretsStep.isOperatorKind(object);
  }

  static boolean isMonitoring(HasMetadata object) {
    return object.getApiVersion() != null && object.getApiVersion().startsWith(DEFERRED_GROUP);
  }

  @Override
  public String name() {
    return "platform";
  }

  @Override
  public String description() {
    return "render the overlay, "
        + (generateSecrets ? "generate local Secrets, " : "")
        + "apply everything in dependency order (server-side apply)";
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
      details.add(
          "secrets: none generated; External Secrets and cert-manager make them in the secrets step");
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
    applied.apply(cluster.get(), objects());
  }

  @Override
  public void undo() {
    applied.undo(cluster.get());
  }
}
