package com.alphintra.infra.check.rules.audit;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.FunctionCallExpr;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every environment turns on data-access audit logs (DATA_READ and DATA_WRITE, off by default in
 * Google Cloud) for GKE and Cloud SQL: who read or changed cluster objects and databases. Issue
 * #10: a setting that can silently go missing.
 */
public final class AuditLogsRecordDataAccess implements Rule {

  static final List<String> SERVICES =
      List.of("container.googleapis.com", "cloudsql.googleapis.com");
  static final List<String> LOG_TYPES = List.of("DATA_READ", "DATA_WRITE");
  static final String ALL_SERVICES = "allServices";

  static final RuleInfo INFO =
      new RuleInfo(
          "audit-data-access-logs",
          "Every environment records data-access audit logs for GKE and Cloud SQL",
          Severity.HIGH,
          Target.AUDIT,
          "Data-access audit logs are off by default; without them nobody can tell afterwards who read secrets from"
              + " the cluster or queried the trading database, and the gap only shows during an investigation.",
          "Add a google_project_iam_audit_config with audit_log_config blocks for DATA_READ and DATA_WRITE for"
              + " container.googleapis.com and cloudsql.googleapis.com (or allServices) to the environment.",
          List.of(
              "CIS Google Cloud Platform Foundation Benchmark 2.1",
              "https://cloud.google.com/logging/docs/audit/configure-data-access"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (Environment environment : Environment.all(platform)) {
      record Config(TerraformResource resource, Set<String> services, Set<String> logTypes) {}
      List<Config> configs = new ArrayList<>();
      boolean unknown = false;
      for (TerraformResource resource :
          environment.resources(platform, "google_project_iam_audit_config")) {
        EvaluationContext context = environment.context(platform, resource).orElseThrow();
        Optional<Set<String>> services = services(resource, context);
        Optional<Set<String>> logTypes = logTypes(resource, context);
        if (services.isEmpty() || logTypes.isEmpty()) {
          unknown = true;
        } else {
          configs.add(new Config(resource, services.get(), logTypes.get()));
        }
      }
      if (unknown) {
        continue;
      }
      for (String service : SERVICES) {
        List<Config> covering =
            configs.stream()
                .filter(c -> c.services().contains(service) || c.services().contains(ALL_SERVICES))
                .toList();
        if (covering.isEmpty()) {
          findings.add(
              Finding.of(
                  INFO,
                  environment.file(),
                  environment.line(),
                  "environment " + environment.name(),
                  "environment "
                      + environment.name()
                      + " has no google_project_iam_audit_config for "
                      + service
                      + " (or allServices)"));
          continue;
        }
        Set<String> logged = new LinkedHashSet<>();
        covering.forEach(c -> logged.addAll(c.logTypes()));
        List<String> missing = LOG_TYPES.stream().filter(type -> !logged.contains(type)).toList();
        if (!missing.isEmpty()) {
          TerraformResource first = covering.get(0).resource();
          findings.add(
              Finding.of(
                  INFO,
                  first.file(),
                  first.lineOf("service"),
                  first.address(),
                  first.address()
                      + " does not log "
                      + String.join(" and ", missing)
                      + " for "
                      + service
                      + " (in "
                      + environment.name()
                      + ")"));
        }
      }
    }
    return findings;
  }

  /**
   * The services the resource configures, following {@code for_each} for {@code each.key}/{@code
   * each.value}.
   */
  private static Optional<Set<String>> services(
      TerraformResource resource, EvaluationContext context) {
    Optional<Attribute> service = resource.attribute("service");
    if (service.isEmpty()) {
      return Optional.empty();
    }
    Optional<Object> direct = context.value(service.get().value());
    if (direct.isPresent()) {
      return direct.get() instanceof String name ? Optional.of(Set.of(name)) : Optional.empty();
    }
    Optional<ScopeTraversal> each =
        service
            .get()
            .value()
            .asTraversal()
            .filter(t -> t.root().equals("each") && t.steps().size() == 1);
    Optional<Attribute> forEach = resource.attribute("for_each");
    if (each.isEmpty() || forEach.isEmpty()) {
      return Optional.empty();
    }
    boolean keys = each.get().attribute(0).filter("key"::equals).isPresent();
    Optional<Object> collection = context.value(unwrapSet(forEach.get().value()));
    Set<String> names = new LinkedHashSet<>();
    if (collection.isPresent() && collection.get() instanceof List<?> list) {
      list.forEach(element -> names.add(String.valueOf(element)));
    } else if (collection.isPresent() && collection.get() instanceof Map<?, ?> map) {
      (keys ? map.keySet() : map.values()).forEach(element -> names.add(String.valueOf(element)));
    } else {
      return Optional.empty();
    }
    return Optional.of(names);
  }

  /** {@code toset([...])} is the list it wraps, as far as the names in it go. */
  private static Expression unwrapSet(Expression expression) {
    return expression instanceof FunctionCallExpr call
            && call.name().equals("toset")
            && call.arguments().size() == 1
        ? call.arguments().get(0)
        : expression;
  }

  private static Optional<Set<String>> logTypes(
      TerraformResource resource, EvaluationContext context) {
    Set<String> types = new LinkedHashSet<>();
    boolean dynamic =
        resource.block().body().blocks("dynamic").stream()
            .anyMatch(block -> block.labelValues().contains("audit_log_config"));
    if (dynamic) {
      return Optional.empty();
    }
    for (Block config : resource.block().body().blocks("audit_log_config")) {
      Optional<Attribute> type = config.body().attribute("log_type");
      Optional<Object> value = type.flatMap(attribute -> context.value(attribute.value()));
      if (value.isEmpty() || !(value.get() instanceof String name)) {
        return Optional.empty();
      }
      types.add(name);
    }
    return Optional.of(types);
  }
}
