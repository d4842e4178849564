package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.GeneratedBlock;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.math.BigDecimal;
import java.nio.file.Path;
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
      List<EvaluationContext> contexts = platform.terraform().contexts(instance);
      // One finding per line and message, naming the contexts it holds in unless it holds in all.
      Map<List<Object>, List<String>> found = new LinkedHashMap<>();
      for (EvaluationContext context : contexts) {
        Optional<List<GeneratedBlock>> flags =
            context.blocks(settings.get().body(), "database_flags");
        if (flags.isEmpty()) {
          continue;
        }
        Map<String, Setting> set = new LinkedHashMap<>();
        boolean someNameUnknown = false;
        for (GeneratedBlock flag : flags.get()) {
          Optional<Attribute> name = flag.body().attribute("name");
          Optional<Object> known =
              name.flatMap(attribute -> context.value(attribute.value(), flag.symbols()));
          if (!(known.orElse(null) instanceof String text)) {
            someNameUnknown = true;
            continue;
          }
          Optional<Attribute> value = flag.body().attribute("value");
          // Where the value is written: a literal in the block, or the map entry (in the module, or
          // the environment root's module call) that a dynamic block turns into this flag.
          Range origin =
              value.isPresent()
                  ? context.origin(value.get().value(), flag.symbols())
                  : flag.range();
          set.putIfAbsent(
              text,
              new Setting(
                  value
                      .flatMap(v -> context.value(v.value(), flag.symbols()))
                      .flatMap(SqlPostgresLogsSessionsAndLocks::text),
                  origin));
        }
        for (Flag flag : FLAGS) {
          Setting setting = set.get(flag.name());
          if (setting == null) {
            if (!someNameUnknown) {
              found
                  .computeIfAbsent(
                      List.of(
                          instance.file(),
                          settings.get().range().start().line(),
                          instance.address()
                              + " does not set the database flag "
                              + flag.name()
                              + " (it should be "
                              + flag.wanted()
                              + ")"),
                      key -> new ArrayList<>())
                  .add(context.name());
            }
          } else if (setting.text().isPresent() && !flag.isGood().test(setting.text().get())) {
            found
                .computeIfAbsent(
                    List.of(
                        setting.origin().file(),
                        setting.origin().start().line(),
                        instance.address()
                            + " sets the database flag "
                            + flag.name()
                            + " = \""
                            + setting.text().get()
                            + "\" (it should be "
                            + flag.wanted()
                            + ")"),
                    key -> new ArrayList<>())
                .add(context.name());
          }
        }
      }
      found.forEach(
          (key, names) ->
              findings.add(
                  Finding.of(
                      INFO,
                      (Path) key.get(0),
                      (Integer) key.get(1),
                      instance.address(),
                      key.get(2)
                          + TerraformValue.where(
                              names.stream().distinct().toList(),
                              names.size() == contexts.size()))));
    }
    return findings;
  }

  /** A flag's value (empty when not known statically) and where it is written. */
  private record Setting(Optional<String> text, Range origin) {}

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
