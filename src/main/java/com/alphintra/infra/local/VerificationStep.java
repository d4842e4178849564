package com.alphintra.infra.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 7: the environment works. Every workload in our namespaces available, sidecars injected
 * where asked for, STRICT mTLS in effect, the ingress gateway answering on the published port.
 * Checking changes nothing: "done" means healthy now; applying waits for health up to the timeout.
 */
final class VerificationStep implements Step {

  private final HealthCheck health;
  private final Supplier<Cluster> cluster;
  private final String context;
  private final Duration readinessWait;
  private HealthReport last;

  VerificationStep(
      HealthCheck health, Supplier<Cluster> cluster, String context, Duration readinessWait) {
    this.readinessWait = readinessWait;
    this.health = health;
    this.cluster = cluster;
    this.context = context;
  }

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String description() {
    return "check workloads available, sidecars injected, STRICT mTLS"
        + (health.probesIngress() ? ", the gateway answering on " + health.ingressAddress() : "");
  }

  @Override
  public List<String> details() {
    List<String> details =
        new ArrayList<>(
            List.of(
                "check: Deployments, StatefulSets, DaemonSets in"
                    + " namespaces labelled "
                    + HealthCheck.PART_OF
                    + "=alphintra",
                "check: pods in istio-injection=enabled namespaces have istio-proxy",
                "check: PeerAuthentication istio-system mesh-wide mode STRICT"));
    if (health.probesIngress()) {
      details.add(
          "probe: https://"
              + HealthCheck.INGRESS_HOST
              + " via "
              + health.ingressAddress()
              + " (host port from the k3d config; trusting the local CA)");
    }
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(4);
  }

  @Override
  public String hint() {
    return "'alphintra status' lists what is not healthy; 'kubectl describe' the named object for the reason";
  }

  @Override
  public boolean isDone() {
    last = health.examine(cluster.get(), context);
    return last.isHealthy();
  }

  @Override
  public void apply() throws InterruptedException {
    if (!cluster.get().waitUntil(this::isDone, readinessWait)) {
      List<HealthItem> problems = last == null ? List.of() : last.problems();
      StringBuilder detail = new StringBuilder();
      for (HealthItem problem : problems) {
        detail
            .append(problem.group())
            .append(' ')
            .append(problem.name())
            .append(": ")
            .append(problem.detail())
            .append('\n');
      }
      throw new StepFailedException(
          problems.size()
              + " health "
              + (problems.size() == 1 ? "check" : "checks")
              + " still failing",
          detail.toString().strip());
    }
  }

  @Override
  public void undo() {
    // Verifying changes nothing.
  }
}
