package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes are Shielded VMs: they boot only signed software, report tampering and prove who they are.
 */
public final class GkeNodesAreShielded implements Rule {

  static final String SHIELDED_NODES = "enable_shielded_nodes";
  static final String SECURE_BOOT = "node_config.shielded_instance_config.enable_secure_boot";
  static final String INTEGRITY_MONITORING =
      "node_config.shielded_instance_config.enable_integrity_monitoring";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-shielded-nodes",
          "GKE nodes are Shielded VMs with secure boot and integrity monitoring",
          Severity.MEDIUM,
          Target.GKE,
          "Without Shielded GKE Nodes an attacker who steals a node's bootstrap credentials can join a node of their"
              + " own to the cluster; without secure boot and integrity monitoring a rootkit in the boot chain"
              + " survives reboots unnoticed.",
          "Leave enable_shielded_nodes unset or true on the google_container_cluster, and set node_config {"
              + " shielded_instance_config { enable_secure_boot = true, enable_integrity_monitoring = true } } on"
              + " every node pool.",
          List.of(
              "checkov CKV_GCP_71",
              "checkov CKV_GCP_68",
              "checkov CKV_GCP_72",
              "tfsec google-gke-node-shielding-enabled",
              "CIS GKE Benchmark 5.5.5"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.standard(terraform)) {
      for (TerraformValue value : terraform.values(cluster, SHIELDED_NODES)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + SHIELDED_NODES + " = false" + value.where()));
        }
      }
    }
    for (NodePool pool : NodePool.all(terraform)) {
      if (pool.attribute(SECURE_BOOT).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                pool.resource().file(),
                pool.lineOf(SECURE_BOOT),
                pool.name(),
                pool.name() + " does not set " + SECURE_BOOT + ", which defaults to false"));
      }
      for (String setting : List.of(SECURE_BOOT, INTEGRITY_MONITORING)) {
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
