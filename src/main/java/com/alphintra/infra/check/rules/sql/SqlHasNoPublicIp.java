package com.alphintra.infra.check.rules.sql;

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

/** Cloud SQL is reachable over private IP only. */
public final class SqlHasNoPublicIp implements Rule {

  static final String SETTING = "settings.ip_configuration.ipv4_enabled";

  static final RuleInfo INFO = new RuleInfo("sql-no-public-ip", "Cloud SQL instances have no public IP address",
      Severity.HIGH, Target.SQL,
      "A public address exposes the database to password guessing and to every vulnerability of its listener;"
          + " the platform reaches it over private service access.",
      "Set settings { ip_configuration { ipv4_enabled = false, private_network = ... } } on the"
          + " google_sql_database_instance.",
      List.of("checkov CKV_GCP_60", "CIS Google Cloud Platform Foundation Benchmark 6.6"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance : platform.terraform().resources("google_sql_database_instance")) {
      if (instance.attribute(SETTING).isEmpty()) {
        findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
            instance.address() + " does not set " + SETTING + ", which defaults to true (a public IP)"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (Boolean.TRUE.equals(value.value())) {
          findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
              instance.address() + " sets " + SETTING + " = true" + value.where()));
        }
      }
    }
    return findings;
  }
}
