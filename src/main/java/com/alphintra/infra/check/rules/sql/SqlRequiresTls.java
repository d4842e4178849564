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
import java.util.Set;

/** Cloud SQL refuses unencrypted connections. */
public final class SqlRequiresTls implements Rule {

  static final String SETTING = "settings.ip_configuration.ssl_mode";
  static final Set<String> ENCRYPTED = Set.of("ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");

  static final RuleInfo INFO = new RuleInfo("sql-require-tls", "Cloud SQL instances accept only TLS connections",
      Severity.HIGH, Target.SQL,
      "Unless the instance requires TLS, any client may send credentials and trading data in clear text, and"
          + " encryption depends on every client remembering to ask for it.",
      "Set settings { ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } } (or"
          + " \"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\") on the google_sql_database_instance.",
      List.of("checkov CKV_GCP_6", "CIS Google Cloud Platform Foundation Benchmark 6.4"));

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
            instance.address() + " does not set " + SETTING + ", so unencrypted connections are accepted"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (value.value() instanceof String mode && !ENCRYPTED.contains(mode)) {
          findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
              instance.address() + " sets " + SETTING + " = \"" + mode + "\"" + value.where()));
        }
      }
    }
    return findings;
  }
}
