package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 6: Prometheus, Grafana and Alertmanager (kube-prometheus-stack), Jaeger and Kiali from their
 * pinned Helm charts with our values; then the overlay's monitors and rules, whose CRDs the
 * kube-prometheus-stack chart brings.
 */
final class ObservabilityStep implements Step {

  private final Releases releases;
  private final RenderedOverlay overlay;
  private final Supplier<Cluster> cluster;
  private final AppliedObjects applied = new AppliedObjects();

  ObservabilityStep(Releases releases, RenderedOverlay overlay, Supplier<Cluster> cluster) {
    this.releases = releases;
    this.overlay = overlay;
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "observability";
  }

  @Override
  public String description() {
    return "install Prometheus, Grafana, Jaeger and Kiali from Helm charts, then the monitors and rules";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>(releases.details());
    details.add(
        "apply: the overlay's monitoring.coreos.com objects (ServiceMonitor, PodMonitor, PrometheusRule)");
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(8);
  }

  @Override
  public String hint() {
    return "'kubectl -n observability get pods' shows what is not ready; chart downloads need access to the "
        + "chart repositories in infra/versions.yaml";
  }

  private List<HasMetadata> monitoring() throws InterruptedException {
    return overlay.objects().stream().filter(PlatformStep::isMonitoring).toList();
  }

  @Override
  public boolean isDone() throws InterruptedException {
    return releases.allDeployed() && applied.allPresent(cluster.get(), monitoring());
  }

  @Override
  public void apply() throws InterruptedException {
    releases.install(Duration.ofMinutes(5));
    applied.apply(cluster.get(), monitoring());
  }

  @Override
  public void undo() {
    applied.undo(cluster.get());
    releases.uninstall();
  }
}
