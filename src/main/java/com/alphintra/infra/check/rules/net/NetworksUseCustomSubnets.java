package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** VPC networks are in custom mode: every subnet and CIDR is one we planned. */
public final class NetworksUseCustomSubnets implements Rule {

  static final String SETTING = "auto_create_subnetworks";

  static final RuleInfo INFO =
      new RuleInfo(
          "net-vpc-custom-mode",
          "VPC networks create only the subnets we define",
          Severity.MEDIUM,
          Target.NET,
          "An auto-mode network creates a subnet in every region from a fixed 10.128.0.0/9 plan, which overlaps"
              + " peered and on-premises ranges and exposes regions the platform never uses.",
          "Set auto_create_subnetworks = false on the google_compute_network and declare each"
              + " google_compute_subnetwork.",
          List.of(
              "CIS Google Cloud Platform Foundation Benchmark 3.1 (no default network)",
              "https://cloud.google.com/vpc/docs/vpc#subnet-ranges"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_compute_network",
          SETTING,
          "which defaults to true (auto mode)",
          Boolean.TRUE::equals);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
