package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** GKE nodes get internal addresses only, so no node is reachable from the internet. */
public final class GkeNodesArePrivate implements Rule {

  static final String SETTING = "private_cluster_config.enable_private_nodes";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-private-nodes",
          "GKE nodes have no public IP addresses",
          Severity.HIGH,
          Target.GKE,
          "Nodes with public addresses are reachable from the internet on every port the firewall lets through;"
              + " private nodes reach the internet through Cloud NAT and are reachable only from the VPC.",
          "Set private_cluster_config { enable_private_nodes = true } on the google_container_cluster.",
          List.of(
              "checkov CKV_GCP_25",
              "tfsec google-gke-enable-private-cluster",
              "terraform-google-modules kubernetes-engine safer-cluster"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_container_cluster",
          SETTING,
          "so its nodes get public IP addresses",
          Boolean.FALSE::equals);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
