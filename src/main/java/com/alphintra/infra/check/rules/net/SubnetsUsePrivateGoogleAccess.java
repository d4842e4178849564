package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Every subnet reaches Google APIs without external addresses. */
public final class SubnetsUsePrivateGoogleAccess implements Rule {

  static final String SETTING = "private_ip_google_access";

  static final RuleInfo INFO =
      new RuleInfo(
          "net-subnet-private-google-access",
          "Every subnet has Private Google Access",
          Severity.LOW,
          Target.NET,
          "Without Private Google Access a private node cannot reach Artifact Registry, Cloud Storage or the Cloud"
              + " SQL Admin API, and the pressure is to give it an external IP or route Google traffic through NAT.",
          "Set private_ip_google_access = true on the google_compute_subnetwork.",
          List.of("checkov CKV_GCP_74", "https://cloud.google.com/vpc/docs/private-google-access"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_compute_subnetwork", SETTING, "which defaults to false", Boolean.FALSE::equals);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(
        INFO, platform, subnet -> !SubnetsHaveFlowLogs.isProxyOnly(platform, subnet));
  }
}
