package com.alphintra.infra.check.rules.net;

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

/** VPC networks are in custom mode: every subnet and CIDR is one we planned. */
public final class NetworksUseCustomSubnets implements Rule {

  static final String SETTING = "auto_create_subnetworks";

  static final RuleInfo INFO = new RuleInfo("net-vpc-custom-mode", "VPC networks create only the subnets we define",
      Severity.MEDIUM, Target.NET,
      "An auto-mode network creates a subnet in every region from a fixed 10.128.0.0/9 plan, which overlaps"
          + " peered and on-premises ranges and exposes regions the platform never uses.",
      "Set auto_create_subnetworks = false on the google_compute_network and declare each"
          + " google_compute_subnetwork.",
      List.of("CIS Google Cloud Platform Foundation Benchmark 3.1 (no default network)",
          "https://cloud.google.com/vpc/docs/vpc#subnet-ranges"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource network : platform.terraform().resources("google_compute_network")) {
      if (network.attribute(SETTING).isEmpty()) {
        findings.add(Finding.of(INFO, network.file(), network.line(), network.address(),
            network.address() + " does not set " + SETTING + ", which defaults to true (auto mode)"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(network, SETTING)) {
        if (Boolean.TRUE.equals(value.value())) {
          findings.add(Finding.of(INFO, network.file(), network.lineOf(SETTING), network.address(),
              network.address() + " sets " + SETTING + " = true" + value.where()));
        }
      }
    }
    return findings;
  }
}
