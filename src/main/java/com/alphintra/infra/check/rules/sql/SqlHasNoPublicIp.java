package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Cloud SQL is reachable over private IP only. */
public final class SqlHasNoPublicIp implements Rule {

  static final String SETTING = "settings.ip_configuration.ipv4_enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-no-public-ip",
          "Cloud SQL instances have no public IP address",
          Severity.HIGH,
          Target.SQL,
          "A public address exposes the database to password guessing and to every vulnerability of its listener;"
              + " the platform reaches it over private service access.",
          "Set settings { ip_configuration { ipv4_enabled = false, private_network = ... } } on the"
              + " google_sql_database_instance.",
          List.of("checkov CKV_GCP_60", "CIS Google Cloud Platform Foundation Benchmark 6.6"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_sql_database_instance",
          SETTING,
          "which defaults to true (a public IP)",
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
