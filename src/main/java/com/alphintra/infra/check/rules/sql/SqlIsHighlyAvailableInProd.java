package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;

/** In prod, Cloud SQL keeps a standby in a second zone and fails over to it. */
public final class SqlIsHighlyAvailableInProd implements Rule {

  static final String SETTING = "settings.availability_type";
  static final String PROD = "prod";

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-ha-prod",
          "Cloud SQL instances in prod are regional (highly available)",
          Severity.MEDIUM,
          Target.SQL,
          "A ZONAL instance goes down with its zone and takes order entry with it until someone restores it; a"
              + " REGIONAL instance fails over to its standby within a minute or two.",
          "Set settings { availability_type = \"REGIONAL\" } on the google_sql_database_instance in prod.",
          List.of(
              "https://cloud.google.com/sql/docs/postgres/high-availability",
              "terraform-google-modules sql-db postgresql (availability_type)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance :
        platform.terraform().resources("google_sql_database_instance")) {
      boolean inProd =
          platform.terraform().contexts(instance).stream()
              .map(EvaluationContext::name)
              .anyMatch(PROD::equals);
      if (!inProd) {
        continue;
      }
      if (instance.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                instance.file(),
                instance.lineOf(SETTING),
                instance.address(),
                instance.address()
                    + " does not set "
                    + SETTING
                    + ", which defaults to \"ZONAL\" (in prod)"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if ("ZONAL".equals(value.value()) && value.contexts().contains(PROD)) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  instance.address(),
                  instance.address() + " sets " + SETTING + " = \"ZONAL\" in prod"));
        }
      }
    }
    return findings;
  }
}
