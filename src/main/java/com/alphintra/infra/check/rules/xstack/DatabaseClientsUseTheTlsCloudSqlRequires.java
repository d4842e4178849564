package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.k8s.Container;
import com.alphintra.infra.check.rules.k8s.PodTemplate;
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
 * a {@code postgres://} connection string with {@code sslmode} to a host outside the mesh, and a
 * container's libpq {@code PGSSLMODE} when its {@code PGHOST} is outside the mesh. A Service
 * without a selector (the overlay's {@code cloudsql}, whose EndpointSlice holds Cloud SQL's address
 * from the cloud outputs) is outside the mesh, whatever its cluster DNS name.
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
              + " sslmode=require or stricter in connection strings and PGSSLMODE of clients of Cloud SQL (a"
              + " selector-less Service such as cloudsql counts as Cloud SQL), in the environment's overlay.",
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
          Set<String> external = externalServices(overlays.of(environment));
          for (LoadedObject workload : overlays.of(environment)) {
            PodTemplate.of(workload)
                .ifPresent(
                    pod -> checkEnvironment(platform, environment, why, pod, external, findings));
          }
          for (LoadedObject map : overlays.of(environment)) {
            if (!map.kind().equals("ConfigMap")
                || !(map.object().raw().get("data") instanceof Map<?, ?> data)) {
              continue;
            }
            data.forEach(
                (key, value) -> {
                  if (key instanceof String name && value instanceof String text) {
                    check(platform, environment, why, map, name, text, external, findings);
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
      Set<String> external,
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
      if (PLAINTEXT.contains(mode) && !isInMesh(host, external)) {
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

  /**
   * A container whose libpq environment ({@code PGHOST}, {@code PGSSLMODE}, as literal values)
   * connects outside the mesh without TLS.
   */
  private static void checkEnvironment(
      Platform platform,
      String environment,
      String why,
      PodTemplate pod,
      Set<String> external,
      List<Finding> findings) {
    for (Container container : pod.containers()) {
      if (!(container.fields().get("env") instanceof List<?> variables)) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, Integer> indices = new LinkedHashMap<>();
      for (int index = 0; index < variables.size(); index++) {
        if (variables.get(index) instanceof Map<?, ?> variable
            && variable.get("name") instanceof String name
            && variable.get("value") instanceof String value) {
          values.put(name, value);
          indices.put(name, index);
        }
      }
      String host = values.get("PGHOST");
      String mode = values.getOrDefault("PGSSLMODE", "").toLowerCase(Locale.ROOT);
      if (host == null || !PLAINTEXT.contains(mode) || isInMesh(host, external)) {
        continue;
      }
      LoadedObject workload = pod.object();
      SourceLocation location =
          platform.locate(
              workload, container.pathOf("env[" + indices.get("PGSSLMODE") + "].value"));
      String name = workload.describe() + " container \"" + container.name() + "\"";
      findings.add(
          new Finding(
              INFO.id(),
              INFO.severity(),
              location.file(),
              location.line(),
              name,
              name
                  + " connects to "
                  + host
                  + " with PGSSLMODE="
                  + mode
                  + ", but "
                  + why
                  + " in "
                  + environment,
              workload.overlay().map(List::of).orElse(List.of())));
    }
  }

  /**
   * The names of the overlay's Services without a selector ({@code name.namespace}): their
   * endpoints are written by hand, outside the cluster (Cloud SQL), and the mesh does not encrypt
   * traffic to them.
   */
  private static Set<String> externalServices(List<LoadedObject> objects) {
    Set<String> external = new java.util.HashSet<>();
    for (LoadedObject object : objects) {
      if (object.kind().equals("Service")
          && object.object().raw().get("spec") instanceof Map<?, ?> spec
          && !(spec.get("selector") instanceof Map<?, ?> selector && !selector.isEmpty())
          && !"ExternalName".equals(spec.get("type"))) {
        external.add(object.name() + "." + object.namespace().orElse("default"));
      }
    }
    return external;
  }

  /**
   * Loopback, or a Service of the cluster that selects pods (its name, or its cluster DNS name):
   * traffic the mesh encrypts, not Cloud SQL. A selector-less Service is outside, as is any other
   * name or address.
   */
  private static boolean isInMesh(String host, Set<String> external) {
    if (host.equals("localhost") || host.startsWith("127.")) {
      return true;
    }
    String[] labels = host.split("\\.");
    boolean clusterName = !host.contains(".") || host.endsWith(".svc") || host.contains(".svc.");
    if (!clusterName) {
      return false;
    }
    return labels.length < 2 || !external.contains(labels[0] + "." + labels[1]);
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
