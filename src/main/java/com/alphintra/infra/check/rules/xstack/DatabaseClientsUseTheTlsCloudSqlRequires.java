package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an environment's Cloud SQL instance requires TLS ({@code ssl_mode} ENCRYPTED_ONLY or
 * TRUSTED_CLIENT_CERTIFICATE_REQUIRED), what connects to it from that environment's overlay does
 * not turn TLS off: PgBouncer's {@code server_tls_sslmode} in a ConfigMap's {@code pgbouncer.ini},
 * and a {@code postgres://} connection string with {@code sslmode} to a host outside the cluster.
 */
public final class DatabaseClientsUseTheTlsCloudSqlRequires implements Rule {

  private static final Set<String> REQUIRING =
      Set.of("ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
  private static final Set<String> PLAINTEXT = Set.of("disable", "allow");
  private static final Pattern PGBOUNCER =
      Pattern.compile("(?m)^\\s*server_tls_sslmode\\s*=\\s*([A-Za-z-]+)");
  private static final Pattern URL =
      Pattern.compile(
          "postgres(?:ql)?://(?:[^@/\\s]*@)?([^:/?\\s]+)[^\\s]*[?&]sslmode=([A-Za-z-]+)");

  static final RuleInfo INFO =
      new RuleInfo(
          "xstack-database-tls",
          "Database clients use TLS where Cloud SQL requires it",
          Severity.HIGH,
          Target.XSTACK,
          "Cloud SQL with ssl_mode ENCRYPTED_ONLY refuses plaintext connections: a client in the same environment"
              + " whose sslmode is disable fails at run time (PgBouncer's pool stays empty), and allow tries"
              + " plaintext first. The two halves live in different stacks, so only reading both shows the"
              + " mismatch.",
          "Set server_tls_sslmode = require (or verify-ca / verify-full) in PgBouncer's configuration, and"
              + " sslmode=require or stricter in connection strings to Cloud SQL, in the environment's overlay.",
          List.of(
              "Cloud SQL for PostgreSQL: enforce SSL/TLS encryption (ssl_mode)",
              "PgBouncer server_tls_sslmode"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    Map<String, String> requirement = new LinkedHashMap<>();
    for (TerraformResource instance :
        platform.terraform().resources("google_sql_database_instance")) {
      var mode = instance.attribute("settings.ip_configuration.ssl_mode");
      if (mode.isEmpty()) {
        continue;
      }
      for (EvaluationContext context : platform.terraform().contexts(instance)) {
        context
            .string(mode.get().value())
            .filter(REQUIRING::contains)
            .ifPresent(
                value ->
                    requirement.putIfAbsent(
                        context.name(),
                        instance.address() + " requires TLS (ssl_mode " + value + ")"));
      }
    }
    OverlayObjects overlays = new OverlayObjects(platform);
    List<Finding> findings = new ArrayList<>();
    requirement.forEach(
        (environment, why) -> {
          for (LoadedObject map : overlays.of(environment)) {
            if (!map.kind().equals("ConfigMap")
                || !(map.object().raw().get("data") instanceof Map<?, ?> data)) {
              continue;
            }
            data.forEach(
                (key, value) -> {
                  if (key instanceof String name && value instanceof String text) {
                    check(platform, environment, why, map, name, text, findings);
                  }
                });
          }
        });
    return findings;
  }

  private static void check(
      Platform platform,
      String environment,
      String why,
      LoadedObject map,
      String key,
      String text,
      List<Finding> findings) {
    Matcher pgbouncer = PGBOUNCER.matcher(text);
    while (pgbouncer.find()) {
      String mode = pgbouncer.group(1).toLowerCase(Locale.ROOT);
      if (PLAINTEXT.contains(mode)) {
        findings.add(
            finding(
                platform,
                map,
                key,
                text,
                pgbouncer.start(1),
                environment,
                "sets server_tls_sslmode = " + mode + ", but " + why + " in " + environment));
      }
    }
    Matcher url = URL.matcher(text);
    while (url.find()) {
      String host = url.group(1);
      String mode = url.group(2).toLowerCase(Locale.ROOT);
      if (PLAINTEXT.contains(mode) && !isInCluster(host)) {
        findings.add(
            finding(
                platform,
                map,
                key,
                text,
                url.start(2),
                environment,
                "connects to "
                    + host
                    + " with sslmode="
                    + mode
                    + ", but "
                    + why
                    + " in "
                    + environment));
      }
    }
  }

  /** Loopback, a Service name, or a cluster DNS name: traffic the mesh encrypts, not Cloud SQL. */
  private static boolean isInCluster(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || !host.contains(".")
        || host.endsWith(".svc")
        || host.contains(".svc.");
  }

  private static Finding finding(
      Platform platform,
      LoadedObject map,
      String key,
      String text,
      int offset,
      String environment,
      String what) {
    String path = "data[\"" + key + "\"]";
    SourceLocation location = platform.locate(map, path);
    // A multi-line value is a block scalar that starts on the line after its key.
    int inner = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    int line = text.contains("\n") ? location.line() + 1 + inner : location.line();
    String name = map.describe() + " " + key;
    return new Finding(
        INFO.id(),
        INFO.severity(),
        location.file(),
        line,
        name,
        name + " " + what,
        map.overlay().map(List::of).orElse(List.of()));
  }
}
