package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 3: the Istio control plane and ingress gateway from the upstream Helm charts with our values
 * (base, CNI when pinned, istiod, gateway), then a wait until istiod and the gateway are available.
 */
final class IstioStep implements Step {

  static final String ISTIOD_NAMESPACE = "istio-system";
  static final String GATEWAY_NAMESPACE = "istio-ingress";
  static final String GATEWAY = "istio-ingress";

  private final Releases releases;
  private final Supplier<Cluster> cluster;
  private final Duration readinessWait;

  IstioStep(Releases releases, Supplier<Cluster> cluster, Duration readinessWait) {
    this.readinessWait = readinessWait;
    this.releases = releases;
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "istio";
  }

  @Override
  public String description() {
    return "install Istio (sidecar mode) and its ingress gateway from Helm charts, wait until available";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>(releases.details());
    details.add(
        "wait: Deployment "
            + ISTIOD_NAMESPACE
            + "/istiod and "
            + GATEWAY_NAMESPACE
            + "/"
            + GATEWAY
            + " available");
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(6);
  }

  @Override
  public String hint() {
    return "'kubectl -n istio-system get pods' and 'kubectl -n istio-system logs deploy/istiod' show why; "
        + "chart downloads need access to istio-release.storage.googleapis.com";
  }

  @Override
  public boolean isDone() {
    return releases.allDeployed() && available();
  }

  private boolean available() {
    return isAvailable(ISTIOD_NAMESPACE, "istiod") && isAvailable(GATEWAY_NAMESPACE, GATEWAY);
  }

  private boolean isAvailable(String namespace, String name) {
    return cluster
        .get()
        .get(Deployment.class, namespace, name)
        .map(Readiness::isAvailable)
        .orElse(false);
  }

  @Override
  public void apply() throws InterruptedException {
    releases.install(Duration.ofMinutes(3));
    if (!cluster.get().waitUntil(this::available, readinessWait)) {
      throw new StepFailedException(
          "istiod or the ingress gateway did not become available within "
              + Durations.format(readinessWait),
          "'kubectl -n istio-system get deploy istiod' and 'kubectl -n istio-ingress get deploy istio-ingress'");
    }
  }

  @Override
  public void undo() {
    releases.uninstall();
  }
}
