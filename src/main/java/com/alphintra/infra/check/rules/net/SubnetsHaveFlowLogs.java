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
import java.util.Set;

/** Every subnet records VPC flow logs. */
public final class SubnetsHaveFlowLogs implements Rule {

  /** Proxy-only subnets carry Envoy proxies, not VMs, and do not support flow logs. */
  static final Set<String> PROXY_PURPOSES =
      Set.of("REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER");

  static final RuleInfo INFO =
      new RuleInfo(
          "net-subnet-flow-logs",
          "Every subnet records VPC flow logs",
          Severity.MEDIUM,
          Target.NET,
          "Flow logs are the network record an incident investigation starts from (who talked to what, when); a"
              + " subnet without them is a blind spot that cannot be filled in afterwards.",
          "Add a log_config { aggregation_interval = \"INTERVAL_5_SEC\", flow_sampling = 0.5, metadata ="
              + " \"INCLUDE_ALL_METADATA\" } block to the google_compute_subnetwork.",
          List.of(
              "checkov CKV_GCP_26",
              "tfsec google-compute-enable-vpc-flow-logs",
              "CIS Google Cloud Platform Foundation Benchmark 3.8"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource subnet : platform.terraform().resources("google_compute_subnetwork")) {
      if (isProxyOnly(platform, subnet) || subnet.nestedBlock("log_config").isPresent()) {
        continue;
      }
      findings.add(
          Finding.of(
              INFO,
              subnet.file(),
              subnet.line(),
              subnet.address(),
              subnet.address() + " has no log_config block, so its flow logs are off"));
    }
    return findings;
  }

  static boolean isProxyOnly(Platform platform, TerraformResource subnet) {
    List<TerraformValue> purposes = platform.terraform().values(subnet, "purpose");
    return !purposes.isEmpty()
        && purposes.stream().allMatch(purpose -> PROXY_PURPOSES.contains(purpose.value()));
  }
}
