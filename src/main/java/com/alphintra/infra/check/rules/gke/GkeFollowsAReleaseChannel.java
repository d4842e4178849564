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

/** The cluster names the release channel GKE upgrades it along, security patches included. */
public final class GkeFollowsAReleaseChannel implements Rule {

  static final String SETTING = "release_channel.channel";
  static final String NO_CHANNEL = "UNSPECIFIED";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-release-channel",
          "GKE clusters follow a release channel they name",
          Severity.MEDIUM,
          Target.GKE,
          "Off a release channel, control plane and node versions are ours to pick and patch, and security fixes wait"
              + " for someone to notice them; without the setting in Terraform the channel is whatever GKE chose at"
              + " creation and nobody reviewed.",
          "Set release_channel { channel = \"REGULAR\" } (or \"STABLE\") on the google_container_cluster.",
          List.of(
              "checkov CKV_GCP_70",
              "CIS GKE Benchmark 5.5.4",
              "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.standard(terraform)) {
      if (cluster.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                cluster.lineOf(SETTING),
                cluster.address(),
                cluster.address()
                    + " does not set "
                    + SETTING
                    + ", so Terraform leaves the channel to GKE's defaults"));
        continue;
      }
      for (TerraformValue value : terraform.values(cluster, SETTING)) {
        if (NO_CHANNEL.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address()
                      + " sets "
                      + SETTING
                      + " = \""
                      + NO_CHANNEL
                      + "\""
                      + value.where()
                      + ", which takes the cluster off every release channel"));
        }
      }
    }
    return findings;
  }
}
