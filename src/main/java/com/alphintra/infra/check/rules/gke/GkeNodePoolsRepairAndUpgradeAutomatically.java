package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;

/** GKE replaces broken nodes and keeps node versions patched, without anyone having to remember. */
public final class GkeNodePoolsRepairAndUpgradeAutomatically implements Rule {

  static final String AUTO_REPAIR = "management.auto_repair";
  static final String AUTO_UPGRADE = "management.auto_upgrade";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-node-auto-repair-upgrade",
          "GKE node pools repair and upgrade their nodes automatically",
          Severity.MEDIUM,
          Target.GKE,
          "Without auto-repair an unhealthy node keeps its pods until someone notices; without auto-upgrade nodes fall"
              + " behind the control plane and miss kernel and kubelet security patches.",
          "Leave management.auto_repair and management.auto_upgrade unset (both default to true) or set them to true"
              + " on every google_container_node_pool.",
          List.of(
              "checkov CKV_GCP_9",
              "checkov CKV_GCP_10",
              "tfsec google-gke-enable-auto-repair",
              "tfsec google-gke-enable-auto-upgrade"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (NodePool pool : NodePool.all(terraform)) {
      for (String setting : List.of(AUTO_REPAIR, AUTO_UPGRADE)) {
        for (TerraformValue value : pool.values(terraform, setting)) {
          if (Boolean.FALSE.equals(value.value())) {
            findings.add(
                Finding.of(
                    INFO,
                    value.file(),
                    value.line(),
                    pool.name(),
                    pool.name() + " sets " + setting + " = false" + value.where()));
          }
        }
      }
    }
    return findings;
  }
}
