package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cloud SQL for PostgreSQL logs who connected and disconnected, lock waits, checkpoints, every
 * temporary file and slow statements: the server-side record an incident investigation and a
 * capacity review start from.
 */
public final class SqlPostgresLogsSessionsAndLocks implements Rule {

  private record Flag(String name, String wanted, Predicate<String> isGood) {}

  private static final Set<String> ON = Set.of("on", "true", "yes", "1");

  static final List<Flag> FLAGS =
      List.of(
          new Flag("log_checkpoints", "on", value -> ON.contains(value.toLowerCase(Locale.ROOT))),
          new Flag("log_connections", "on", value -> ON.contains(value.toLowerCase(Locale.ROOT))),
          new Flag(
              "log_disconnections", "on", value -> ON.contains(value.toLowerCase(Locale.ROOT))),
          new Flag("log_lock_waits", "on", value -> ON.contains(value.toLowerCase(Locale.ROOT))),
          new Flag("log_temp_files", "0", "0"::equals),
          new Flag(
              "log_min_duration_statement",
              "a threshold in milliseconds, not -1",
              value -> !value.equals("-1")));

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-pg-log-flags",
          "Cloud SQL for PostgreSQL logs connections, lock waits, checkpoints, temporary files and slow statements",
          Severity.MEDIUM,
          Target.SQL,
          "These flags are off by default; without them there is no server-side record of who connected when, which"
              + " session blocked which, or which statement spilled to disk. The platform logs statements slower than a"
              + " threshold (checkov CKV_GCP_57 asks for -1, no statement logging; we keep the threshold and keep"
              + " secrets out of SQL text instead).",
          "Add settings { database_flags { name = \"...\", value = \"...\" } } for log_checkpoints, log_connections,"
              + " log_disconnections, log_lock_waits (on), log_temp_files (0) and log_min_duration_statement (a"
              + " threshold in milliseconds) on the google_sql_database_instance.",
          List.of(
              "checkov CKV_GCP_51",
              "checkov CKV_GCP_52",
              "checkov CKV_GCP_53",
              "checkov CKV_GCP_54",
              "checkov CKV_GCP_56",
              "checkov CKV_GCP_57 (opposite choice)",
              "tfsec google-sql-pg-log-checkpoints",
              "tfsec google-sql-pg-log-connections",
              "tfsec google-sql-pg-log-disconnections",
              "tfsec google-sql-pg-log-lock-waits",
              "tfsec google-sql-enable-pg-temp-file-logging",
              "CIS Google Cloud Platform Foundation Benchmark 6.2"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance :
        platform.terraform().resources("google_sql_database_instance")) {
      boolean postgres =
          platform.terraform().values(instance, "database_version").stream()
              .anyMatch(
                  value ->
                      value.value() instanceof String version && version.startsWith("POSTGRES"));
      Optional<Block> settings = instance.nestedBlock("settings");
      if (!postgres || settings.isEmpty()) {
        continue;
      }
      Map<String, Attribute> values = new LinkedHashMap<>();
      boolean someNameUnknown =
          settings.get().body().blocks("dynamic").stream()
              .anyMatch(dynamic -> dynamic.labelValues().contains("database_flags"));
      for (Block flag : settings.get().body().blocks("database_flags")) {
        Optional<String> name = knownName(platform, instance, flag);
        if (name.isEmpty()) {
          someNameUnknown = true;
        } else {
          flag.body().attribute("value").ifPresent(value -> values.putIfAbsent(name.get(), value));
        }
      }
      for (Flag flag : FLAGS) {
        Attribute value = values.get(flag.name());
        if (value == null) {
          if (!someNameUnknown) {
            findings.add(
                Finding.of(
                    INFO,
                    instance.file(),
                    settings.get().range().start().line(),
                    instance.address(),
                    instance.address()
                        + " does not set the database flag "
                        + flag.name()
                        + " (it should be "
                        + flag.wanted()
                        + ")"));
          }
          continue;
        }
        for (TerraformValue known : platform.terraform().values(instance, value.value())) {
          Optional<String> text = text(known.value());
          if (text.isPresent() && !flag.isGood().test(text.get())) {
            findings.add(
                Finding.of(
                    INFO,
                    instance.file(),
                    value.range().start().line(),
                    instance.address(),
                    instance.address()
                        + " sets the database flag "
                        + flag.name()
                        + " = \""
                        + text.get()
                        + "\" (it should be "
                        + flag.wanted()
                        + ")"
                        + known.where()));
          }
        }
      }
    }
    return findings;
  }

  /** The flag's name when it is the same in every context, else empty (it could be any flag). */
  private static Optional<String> knownName(
      Platform platform, TerraformResource instance, Block flag) {
    Optional<Attribute> name = flag.body().attribute("name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<TerraformValue> values = platform.terraform().values(instance, name.get().value());
    return values.size() == 1
            && values.get(0).everywhere()
            && values.get(0).value() instanceof String text
        ? Optional.of(text)
        : Optional.empty();
  }

  private static Optional<String> text(Object value) {
    if (value instanceof String text) {
      return Optional.of(text.trim());
    }
    if (value instanceof BigDecimal number) {
      return Optional.of(number.toPlainString());
    }
    return value instanceof Boolean bool ? Optional.of(bool ? "on" : "off") : Optional.empty();
  }
}
