package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's system metrics reach Cloud Monitoring, so its health can be watched and alerted on.
 */
public final class GkeSendsMetrics implements Rule {

  static final Telemetry MONITORING =
      new Telemetry(
          "Cloud Monitoring",
          "monitoring_service",
          "monitoring_config.enable_components",
          List.of("SYSTEM_COMPONENTS"),
          Optional.empty());

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-monitoring",
          "GKE clusters send system metrics to Cloud Monitoring",
          Severity.LOW,
          Target.GKE,
          "Without system metrics nobody sees nodes running out of memory, pods restarting or the control plane"
              + " slowing down until users do, and GKE's own dashboards and alerts stay empty.",
          "Leave monitoring_service unset (never \"none\") and keep \"SYSTEM_COMPONENTS\" in"
              + " monitoring_config.enable_components on the google_container_cluster.",
          List.of(
              "checkov CKV_GCP_8",
              "tfsec google-gke-enable-stackdriver-monitoring",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(platform.terraform())) {
      findings.addAll(MONITORING.check(INFO, platform.terraform(), cluster));
    }
    return findings;
  }
}
