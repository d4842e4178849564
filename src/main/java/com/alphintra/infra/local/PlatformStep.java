package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 5: the platform manifests. Renders the overlay, applies it in dependency order (server-side apply,
 * field manager alphintra) together with the Secrets generated from the templates. The Prometheus
 * operator's kinds wait for the observability step, which installs their CRDs.
 */
final class PlatformStep implements Step {

  static final String DEFERRED_GROUP = "monitoring.coreos.com/";

  private final RenderedOverlay overlay;
  private final LocalSecrets secrets;
  private final Supplier<Cluster> cluster;
  private final List<String> plannedObjects;
  private final Path shownOverlay;
  private final AppliedObjects applied = new AppliedObjects();

  PlatformStep(RenderedOverlay overlay, LocalSecrets secrets, Supplier<Cluster> cluster, Path shownOverlay,
      List<String> plannedObjects) {
    this.overlay = overlay;
    this.secrets = secrets;
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
    return "render the overlay, generate local Secrets, apply everything in dependency order (server-side apply)";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>();
    details.add("run: " + String.join(" ", RenderedOverlay.command(shownOverlay)));
    details.addAll(plannedObjects);
    List<String> names = secrets.templates().stream()
        .map(template -> template.namespace() + "/" + template.name()).toList();
    details.add("apply: " + names.size() + " Secrets from base/secrets templates (values in .alphintra/secrets.yaml, "
        + "owner-only): " + String.join(", ", names));
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(3);
  }

  @Override
  public String hint() {
    return "'kubectl kustomize " + shownOverlay + "' shows the rendered objects; fix the object named above "
        + "and run 'alphintra up --from platform'";
  }

  private List<HasMetadata> objects() throws InterruptedException {
    List<HasMetadata> objects = new ArrayList<>();
    for (HasMetadata object : overlay.objects()) {
      if (!isDeferred(object)) {
        objects.add(object);
      }
    }
    List<Secret> generated = secrets.secrets();
    objects.addAll(generated);
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
