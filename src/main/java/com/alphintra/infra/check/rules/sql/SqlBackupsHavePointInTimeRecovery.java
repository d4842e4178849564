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

/**
 * Cloud SQL takes daily backups and keeps the write-ahead log, so data can be restored to any
 * second.
 */
public final class SqlBackupsHavePointInTimeRecovery implements Rule {

  static final List<String> SETTINGS =
      List.of(
          "settings.backup_configuration.enabled",
          "settings.backup_configuration.point_in_time_recovery_enabled");

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-backup-pitr",
          "Cloud SQL instances take automated backups with point-in-time recovery",
          Severity.HIGH,
          Target.SQL,
          "Without automated backups a dropped table or a corrupted write is lost for good; without point-in-time"
              + " recovery the best restore is last night's backup, losing every order and trade since.",
          "Set settings { backup_configuration { enabled = true, point_in_time_recovery_enabled = true } } on the"
              + " google_sql_database_instance.",
          List.of(
              "checkov CKV_GCP_14",
              "tfsec google-sql-enable-backup",
              "CIS Google Cloud Platform Foundation Benchmark 6.7",
              "https://cloud.google.com/sql/docs/postgres/backup-recovery/pitr"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance :
        platform.terraform().resources("google_sql_database_instance")) {
      for (String setting : SETTINGS) {
        if (instance.attribute(setting).isEmpty()) {
          findings.add(
              Finding.of(
                  INFO,
                  instance.file(),
                  instance.lineOf(setting),
                  instance.address(),
                  instance.address() + " does not set " + setting + ", which defaults to false"));
          continue;
        }
        for (TerraformValue value : platform.terraform().values(instance, setting)) {
          if (Boolean.FALSE.equals(value.value())) {
            findings.add(
                Finding.of(
                    INFO,
                    value.file(),
                    value.line(),
                    instance.address(),
                    instance.address() + " sets " + setting + " = false" + value.where()));
          }
        }
      }
    }
    return findings;
  }
}
