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

/** Cloud NAT logs at least its errors. */
public final class NatLogsErrors implements Rule {

  static final String SETTING = "log_config.enable";

  static final RuleInfo INFO =
      new RuleInfo(
          "net-nat-logging",
          "Cloud NAT gateways log errors (or all translations)",
          Severity.LOW,
          Target.NET,
          "Private nodes reach the internet only through NAT; when ports run out connections are dropped silently,"
              + " and only NAT's error log shows it.",
          "Add log_config { enable = true, filter = \"ERRORS_ONLY\" } (or \"ALL\") to the google_compute_router_nat.",
          List.of(
              "https://cloud.google.com/nat/docs/monitoring#nat-logging",
              "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_router_nat"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource nat : platform.terraform().resources("google_compute_router_nat")) {
      if (nat.nestedBlock("log_config").isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                nat.file(),
                nat.line(),
                nat.address(),
                nat.address() + " has no log_config block, so it logs nothing"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(nat, SETTING)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  nat.address(),
                  nat.address() + " sets " + SETTING + " = false" + value.where()));
        }
      }
    }
    return findings;
  }
}
