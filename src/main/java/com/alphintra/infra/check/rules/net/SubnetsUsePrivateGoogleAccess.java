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

/** Every subnet reaches Google APIs without external addresses. */
public final class SubnetsUsePrivateGoogleAccess implements Rule {

  static final String SETTING = "private_ip_google_access";

  static final RuleInfo INFO = new RuleInfo("net-subnet-private-google-access",
      "Every subnet has Private Google Access", Severity.LOW, Target.NET,
      "Without Private Google Access a private node cannot reach Artifact Registry, Cloud Storage or the Cloud"
          + " SQL Admin API, and the pressure is to give it an external IP or route Google traffic through NAT.",
      "Set private_ip_google_access = true on the google_compute_subnetwork.",
      List.of("checkov CKV_GCP_74", "https://cloud.google.com/vpc/docs/private-google-access"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource subnet : platform.terraform().resources("google_compute_subnetwork")) {
      if (SubnetsHaveFlowLogs.isProxyOnly(platform, subnet)) {
        continue;
      }
      if (subnet.attribute(SETTING).isEmpty()) {
        findings.add(Finding.of(INFO, subnet.file(), subnet.line(), subnet.address(),
            subnet.address() + " does not set " + SETTING + ", which defaults to false"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(subnet, SETTING)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(Finding.of(INFO, subnet.file(), subnet.lineOf(SETTING), subnet.address(),
              subnet.address() + " sets " + SETTING + " = false" + value.where()));
        }
      }
    }
    return findings;
  }
}
