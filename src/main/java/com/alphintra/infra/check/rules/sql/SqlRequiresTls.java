package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Set;

/** Cloud SQL refuses unencrypted connections. */
public final class SqlRequiresTls implements Rule {

  static final String SETTING = "settings.ip_configuration.ssl_mode";
  static final Set<String> ENCRYPTED =
      Set.of("ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-require-tls",
          "Cloud SQL instances accept only TLS connections",
          Severity.HIGH,
          Target.SQL,
          "Unless the instance requires TLS, any client may send credentials and trading data in clear text, and"
              + " encryption depends on every client remembering to ask for it.",
          "Set settings { ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } } (or"
              + " \"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\") on the google_sql_database_instance.",
          List.of("checkov CKV_GCP_6", "CIS Google Cloud Platform Foundation Benchmark 6.4"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_sql_database_instance",
          SETTING,
          "so unencrypted connections are accepted",
          value -> value instanceof String mode && !ENCRYPTED.contains(mode));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
