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

/**
 * In prod, the Cloud SQL instance refuses deletion twice: Terraform's own guard ({@code
 * deletion_protection}, true by default) and the Cloud SQL API's ({@code
 * settings.deletion_protection_enabled}, false by default), which also stops the console and
 * gcloud.
 */
public final class SqlIsProtectedFromDeletionInProd implements Rule {

  static final String TERRAFORM_GUARD = "deletion_protection";
  static final String API_GUARD = "settings.deletion_protection_enabled";
  static final String PROD = "prod";

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-deletion-protection",
          "Cloud SQL instances in prod refuse deletion in Terraform and in the Cloud SQL API",
          Severity.MEDIUM,
          Target.SQL,
          "Deleting an instance deletes its automated backups with it; Terraform's guard stops only terraform destroy,"
              + " the API's guard also stops the console, gcloud and a replaced resource.",
          "Set deletion_protection = true and settings { deletion_protection_enabled = true } on the"
              + " google_sql_database_instance in prod.",
          List.of(
              "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance",
              "https://cloud.google.com/sql/docs/postgres/deletion-protection"));

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
      if (instance.attribute(API_GUARD).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                instance.file(),
                instance.lineOf(API_GUARD),
                instance.address(),
                instance.address()
                    + " does not set "
                    + API_GUARD
                    + ", which defaults to false (in prod)"));
      }
      for (String setting : List.of(TERRAFORM_GUARD, API_GUARD)) {
        for (TerraformValue value : platform.terraform().values(instance, setting)) {
          if (Boolean.FALSE.equals(value.value()) && value.contexts().contains(PROD)) {
            findings.add(
                Finding.of(
                    INFO,
                    value.file(),
                    value.line(),
                    instance.address(),
                    instance.address() + " sets " + setting + " = false in prod"));
          }
        }
      }
    }
    return findings;
  }
}
