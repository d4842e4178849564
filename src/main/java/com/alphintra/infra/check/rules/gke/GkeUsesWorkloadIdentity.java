package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;

/** Pods reach Google APIs as their own Kubernetes service account, never as the node. */
public final class GkeUsesWorkloadIdentity implements Rule {

  static final String SETTING = "workload_identity_config.workload_pool";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-workload-identity",
          "GKE clusters use Workload Identity",
          Severity.HIGH,
          Target.GKE,
          "Without Workload Identity every pod can use the node's service account and read the node's metadata,"
              + " so one compromised pod acts with the rights of all of them.",
          "Set workload_identity_config { workload_pool = \"${var.project_id}.svc.id.goog\" } on the"
              + " google_container_cluster.",
          List.of(
              "checkov CKV_GCP_69 (GKE metadata server)",
              "forseti policy-library GCPGKEEnableWorkloadIdentityConstraintV1"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : platform.terraform().resources("google_container_cluster")) {
      if (cluster.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                cluster.lineOf(SETTING),
                cluster.address(),
                cluster.address() + " does not set " + SETTING + ", so Workload Identity is off"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(cluster, SETTING)) {
        if ("".equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + SETTING + " to an empty string" + value.where()));
        }
      }
    }
    return findings;
  }
}
