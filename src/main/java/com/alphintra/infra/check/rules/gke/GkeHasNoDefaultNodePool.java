package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes live in separately managed google_container_node_pool resources, never in the cluster
 * resource.
 */
public final class GkeHasNoDefaultNodePool implements Rule {

  static final String SETTING = "remove_default_node_pool";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-no-default-node-pool",
          "GKE clusters run their nodes in separately managed node pools",
          Severity.LOW,
          Target.GKE,
          "The default node pool and node_pool blocks inside the cluster cannot be changed, added or removed without"
              + " recreating the whole cluster, so a routine change to the nodes becomes an outage.",
          "Set remove_default_node_pool = true (with initial_node_count = 1) on the google_container_cluster and"
              + " declare each pool as a google_container_node_pool.",
          List.of(
              "checkov CKV_GCP_123",
              "terraform-google-modules kubernetes-engine safer-cluster",
              "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.standard(terraform)) {
      List<Block> inline = cluster.block().body().blocks("node_pool");
      for (int index = 0; index < inline.size(); index++) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                inline.get(index).range().start().line(),
                cluster.address(),
                cluster.address()
                    + " declares "
                    + NodePool.inlineName(inline.get(index), index)
                    + " inline, so changing its pools recreates the cluster"));
      }
      if (!inline.isEmpty()) {
        continue;
      }
      if (cluster.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                cluster.line(),
                cluster.address(),
                cluster.address()
                    + " does not set "
                    + SETTING
                    + " = true, so it keeps its default node pool"));
        continue;
      }
      for (TerraformValue value : terraform.values(cluster, SETTING)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + SETTING + " = false" + value.where()));
        }
      }
    }
    return findings;
  }
}
