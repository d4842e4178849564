package com.alphintra.infra.check.rules.audit;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateInterpolation;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every environment routes its audit logs into a log bucket of its own whose retention someone
 * chose: at least a year in prod. Issue #10: a setting that can silently go missing.
 */
public final class AuditLogsAreRetained implements Rule {

  static final String BUCKET = "google_logging_project_bucket_config";
  static final String SINK = "google_logging_project_sink";
  static final BigDecimal PROD_MINIMUM_DAYS = BigDecimal.valueOf(365);

  static final RuleInfo INFO =
      new RuleInfo(
          "audit-log-retention",
          "Every environment routes audit logs to a log bucket with a set retention (at least 365 days in prod)",
          Severity.MEDIUM,
          Target.AUDIT,
          "The _Default bucket keeps logs for 30 days and _Required keeps only admin activity; a trading platform"
              + " must be able to show who did what for years, so audit logs need a bucket with a chosen retention"
              + " and a sink that actually routes them there.",
          "Add a google_logging_project_bucket_config with retention_days (365 or more in prod) and a"
              + " google_logging_project_sink whose destination is that bucket and whose filter selects"
              + " logName:\"cloudaudit.googleapis.com\".",
          List.of(
              "CIS Google Cloud Platform Foundation Benchmark 2.2, 2.3",
              "https://cloud.google.com/logging/docs/routing/overview#buckets"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (Environment environment : Environment.all(platform)) {
      List<TerraformResource> buckets = environment.resources(platform, BUCKET);
      if (buckets.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                environment.file(),
                0,
                "environment " + environment.name(),
                "environment " + environment.name() + " has no " + BUCKET + " for its audit logs"));
        continue;
      }
      for (TerraformResource bucket : buckets) {
        findings.addAll(checkRetention(platform, environment, bucket));
      }
      boolean routed = false;
      boolean unknown = false;
      for (TerraformResource sink : environment.resources(platform, SINK)) {
        EvaluationContext context = environment.context(platform, sink).orElseThrow();
        if (!referencesABucket(sink, buckets)) {
          // A destination the checker cannot resolve might be one of the buckets: stay silent then.
          Optional<Object> destination =
              sink.attribute("destination").flatMap(attribute -> context.value(attribute.value()));
          unknown |= sink.attribute("destination").isPresent() && destination.isEmpty();
          continue;
        }
        Optional<Attribute> filter = sink.attribute("filter");
        Optional<Object> text = filter.flatMap(attribute -> context.value(attribute.value()));
        if (filter.isEmpty()
            || text.filter(t -> t instanceof String s && s.contains("cloudaudit.googleapis.com"))
                .isPresent()) {
          routed = true;
        } else if (text.isEmpty()) {
          unknown = true;
        }
      }
      if (!routed && !unknown) {
        TerraformResource first = buckets.get(0);
        findings.add(
            Finding.of(
                INFO,
                first.file(),
                first.line(),
                first.address(),
                "no "
                    + SINK
                    + " routes audit logs (cloudaudit.googleapis.com) to "
                    + first.address()
                    + " (in "
                    + environment.name()
                    + ")"));
      }
    }
    return findings;
  }

  private static List<Finding> checkRetention(
      Platform platform, Environment environment, TerraformResource bucket) {
    Optional<Attribute> retention = bucket.attribute("retention_days");
    if (retention.isEmpty()) {
      return List.of(
          Finding.of(
              INFO,
              bucket.file(),
              bucket.line(),
              bucket.address(),
              bucket.address()
                  + " does not set retention_days, which defaults to 30 (in "
                  + environment.name()
                  + ")"));
    }
    Optional<EvaluationContext> context = environment.context(platform, bucket);
    Optional<Object> days = context.flatMap(c -> c.value(retention.get().value()));
    if (environment.name().equals("prod")
        && days.isPresent()
        && days.get() instanceof BigDecimal number
        && number.compareTo(PROD_MINIMUM_DAYS) < 0) {
      // Where the value is set (the module call in environments/prod/main.tf, say), so the finding
      // concerns prod alone.
      Range origin = context.orElseThrow().origin(retention.get().value());
      return List.of(
          Finding.of(
              INFO,
              origin.file(),
              origin.start().line(),
              bucket.address(),
              bucket.address()
                  + " sets retention_days = "
                  + number.toPlainString()
                  + " in prod (at least "
                  + PROD_MINIMUM_DAYS
                  + ")"));
    }
    return List.of();
  }

  /**
   * Whether the sink's destination names one of the buckets ({@code
   * google_logging_project_bucket_config.x}).
   */
  private static boolean referencesABucket(
      TerraformResource sink, List<TerraformResource> buckets) {
    Optional<Attribute> destination = sink.attribute("destination");
    if (destination.isEmpty()) {
      return false;
    }
    List<String> references = new ArrayList<>();
    collectReferences(destination.get().value(), references);
    return buckets.stream()
        .anyMatch(
            bucket ->
                references.stream()
                    .anyMatch(
                        reference ->
                            reference.startsWith(bucket.address() + ".")
                                || reference.equals(bucket.address())));
  }

  private static void collectReferences(Expression expression, List<String> references) {
    expression.asTraversal().ifPresent(traversal -> references.add(traversal.path()));
    if (expression instanceof TemplateExpr template) {
      for (TemplatePart part : template.parts()) {
        if (part instanceof TemplateInterpolation interpolation) {
          collectReferences(interpolation.expression(), references);
        }
      }
    }
  }
}
