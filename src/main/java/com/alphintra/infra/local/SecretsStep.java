package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cloud overlays only, after the platform step: External Secrets Operator and cert-manager from
 * their pinned Helm charts, then the overlay's objects of their kinds (the Secret Manager store,
 * one ExternalSecret per Secret, the Let's Encrypt issuer and the gateway's Certificate), then a
 * wait until every Secret they make exists. No Secret is copied by hand; the workloads that read
 * one start as soon as it appears.
 */
final class SecretsStep implements Step {

  static final List<String> GROUPS = List.of("external-secrets.io/", "cert-manager.io/");

  private final Releases releases;
  private final RenderedOverlay overlay;
  private final Supplier<Cluster> cluster;
  private final Duration wait;
  private final AppliedObjects applied = new AppliedObjects();

  SecretsStep(
      Releases releases, RenderedOverlay overlay, Supplier<Cluster> cluster, Duration wait) {
    this.releases = releases;
    this.overlay = overlay;
    this.cluster = cluster;
    this.wait = wait;
  }

  /** The kinds this step applies, once their operators' CRDs exist. */
  static boolean isOperatorKind(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    return apiVersion != null && GROUPS.stream().anyMatch(apiVersion::startsWith);
  }

  @Override
  public String name() {
    return "secrets";
  }

  @Override
  public String description() {
    return "install External Secrets and cert-manager from Helm charts, apply the Secret Manager"
        + " store, ExternalSecrets and the gateway Certificate, wait until every Secret exists";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>(releases.details());
    details.add(
        "apply: the overlay's external-secrets.io and cert-manager.io objects; wait: the Secrets they"
            + " make (ExternalSecret target, Certificate secretName)");
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(10);
  }

  @Override
  public String hint() {
    return "'kubectl get externalsecrets,certificates -A' shows which one is not Ready and why (an"
        + " IAM binding or a Secret Manager secret the Terraform outputs name)";
  }

  private List<HasMetadata> objects() throws InterruptedException {
    return overlay.objects().stream().filter(SecretsStep::isOperatorKind).toList();
  }

  @Override
  public boolean isDone() throws InterruptedException {
    return releases.allDeployed()
        && applied.allPresent(cluster.get(), objects())
        && missing(objects()).isEmpty();
  }

  @Override
  public void apply() throws InterruptedException {
    releases.install(Duration.ofMinutes(5));
    List<HasMetadata> objects = objects();
    applied.apply(cluster.get(), objects);
    if (!cluster.get().waitUntil(() -> missing(objects).isEmpty(), wait)) {
      throw new StepFailedException(
          "Secrets not made within "
              + Durations.format(wait)
              + ": "
              + String.join(", ", missing(objects)),
          hint());
    }
  }

  /** The Secrets the objects make that do not exist yet, as namespace/name. */
  static List<String> expected(List<HasMetadata> objects) {
    List<String> secrets = new ArrayList<>();
    for (HasMetadata object : objects) {
      Map<?, ?> spec =
          object instanceof GenericKubernetesResource generic
                  && generic.getAdditionalProperties().get("spec") instanceof Map<?, ?> map
              ? map
              : Map.of();
      String namespace = object.getMetadata().getNamespace();
      if (object.getKind().equals("ExternalSecret")) {
        Object target =
            spec.get("target") instanceof Map<?, ?> t && t.get("name") instanceof String name
                ? name
                : object.getMetadata().getName();
        secrets.add(namespace + "/" + target);
      } else if (object.getKind().equals("Certificate")
          && spec.get("secretName") instanceof String name) {
        secrets.add(namespace + "/" + name);
      }
    }
    return secrets;
  }

  private List<String> missing(List<HasMetadata> objects) {
    List<String> missing = new ArrayList<>();
    for (String secret : expected(objects)) {
      String[] parts = secret.split("/", 2);
      if (cluster.get().get(Secret.class, parts[0], parts[1]).isEmpty()) {
        missing.add(secret);
      }
    }
    return missing;
  }

  @Override
  public void undo() {
    applied.undo(cluster.get());
    releases.uninstall();
  }
}
