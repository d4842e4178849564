package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Cloud SQL user's password is generated (random_password) or read from a secret store, never a
 * string the configuration knows. A value the checker can work out statically is, by definition,
 * written in the repository.
 */
public final class SqlUserPasswordsAreGenerated implements Rule {

  static final String SETTING = "password";

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-user-password-generated",
          "Cloud SQL user passwords are generated, not written in the configuration",
          Severity.HIGH,
          Target.SQL,
          "A password written in a .tf file, a variable default or a tfvars file is in every clone and in git"
              + " history for good, and is usually the same in every environment.",
          "Set password = random_password.<name>.result on the google_sql_user (store it in Secret Manager), or"
              + " use IAM database authentication.",
          List.of(
              "tfsec general-secrets-no-plaintext-exposure",
              "checkov CKV_SECRET_6",
              "terraform-google-modules sql-db postgresql (generated user passwords)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource user : platform.terraform().resources("google_sql_user")) {
      Optional<Attribute> password = user.attribute(SETTING);
      if (password.isEmpty()) {
        continue;
      }
      for (TerraformValue value : platform.terraform().values(user, password.get().value())) {
        if (value.value() instanceof String text && !text.isEmpty()) {
          // The message never repeats the password.
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  user.address(),
                  user.address()
                      + " sets password to a string written in the configuration"
                      + value.where()));
        }
      }
    }
    return findings;
  }
}
