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
 * System, workload and API server logs reach Cloud Logging, where an incident can be reconstructed.
 */
public final class GkeSendsLogs implements Rule {

  static final Telemetry LOGGING =
      new Telemetry(
          "Cloud Logging",
          "logging_service",
          "logging_config.enable_components",
          List.of("SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER"),
          Optional.of("so GKE collects system and workload logs but not the API server's"));

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-logging",
          "GKE clusters send system, workload and API server logs to Cloud Logging",
          Severity.MEDIUM,
          Target.GKE,
          "Without these logs a failed order, a crash loop or an intrusion leaves no record once the pod or node is"
              + " gone; the API server's logs show the requests the control plane rejected or failed, next to the"
              + " Cloud Audit Logs of who changed what.",
          "Leave logging_service unset (never \"none\") and set logging_config { enable_components ="
              + " [\"SYSTEM_COMPONENTS\", \"WORKLOADS\", \"APISERVER\"] } on the google_container_cluster.",
          List.of(
              "checkov CKV_GCP_1",
              "tfsec google-gke-enable-stackdriver-logging",
              "https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(platform.terraform())) {
      findings.addAll(LOGGING.check(INFO, platform.terraform(), cluster));
    }
    return findings;
  }
}
