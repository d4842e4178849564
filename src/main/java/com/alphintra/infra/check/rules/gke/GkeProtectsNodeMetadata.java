package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pods see the GKE metadata server, never the node's own metadata and credentials. */
public final class GkeProtectsNodeMetadata implements Rule {

  static final String MODE = "node_config.workload_metadata_config.mode";
  static final String GKE_METADATA = "GKE_METADATA";
  static final String METADATA = "node_config.metadata";
  static final String LEGACY_ENDPOINTS = "disable-legacy-endpoints";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-node-metadata",
          "GKE nodes hide their metadata and credentials from pods",
          Severity.HIGH,
          Target.GKE,
          "With the Compute Engine metadata exposed, any pod can fetch the node service account's token and the"
              + " kubelet's bootstrap credentials; the legacy v0.1 and v1beta1 endpoints even answer requests without"
              + " the Metadata-Flavor header that blocks forged ones.",
          "Set node_config { workload_metadata_config { mode = \"GKE_METADATA\" } } on every node pool (Workload"
              + " Identity makes it the default) and keep metadata \"disable-legacy-endpoints\" = \"true\".",
          List.of(
              "checkov CKV_GCP_69",
              "tfsec google-gke-node-metadata-security",
              "tfsec google-gke-metadata-endpoints-disabled",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (NodePool pool : NodePool.all(terraform)) {
      for (TerraformValue value : pool.values(terraform, MODE)) {
        if (value.value() instanceof String mode && !mode.equals(GKE_METADATA)) {
          findings.add(
              Finding.of(
                  INFO,
                  pool.resource().file(),
                  pool.lineOf(MODE),
                  pool.name(),
                  pool.name()
                      + " sets "
                      + MODE
                      + " = "
                      + Literal.of(mode)
                      + value.where()
                      + ", which shows pods the node's metadata"));
        }
      }
      pool.attribute(METADATA)
          .ifPresent(metadata -> legacyEndpoints(terraform, pool, metadata, findings));
    }
    return findings;
  }

  /**
   * A {@code disable-legacy-endpoints} entry that is not "true" turns the legacy endpoints back on.
   */
  private static void legacyEndpoints(
      TerraformView terraform, NodePool pool, Attribute metadata, List<Finding> findings) {
    Optional<Expression> entry =
        metadata.value() instanceof ObjectExpr object
            ? object.get(LEGACY_ENDPOINTS)
            : Optional.empty();
    int line =
        entry.map(found -> found.range().start().line()).orElse(metadata.range().start().line());
    List<EvaluationContext> contexts = terraform.contexts(pool.resource());
    Outcomes<String> enabled = new Outcomes<>(contexts.size());
    for (EvaluationContext context : contexts) {
      Optional<Object> value =
          entry.isPresent()
              ? context.value(entry.get())
              : context
                  .value(metadata.value())
                  .filter(Map.class::isInstance)
                  .map(map -> ((Map<?, ?>) map).get(LEGACY_ENDPOINTS));
      value
          .map(String::valueOf)
          .filter(text -> !text.equalsIgnoreCase("true"))
          .ifPresent(text -> enabled.add(text, context.name()));
    }
    for (Outcomes.Outcome<String> value : enabled.all()) {
      findings.add(
          Finding.of(
              INFO,
              pool.resource().file(),
              line,
              pool.name(),
              pool.name()
                  + " sets "
                  + METADATA
                  + " \""
                  + LEGACY_ENDPOINTS
                  + "\" = "
                  + Literal.of(value.value())
                  + value.where()
                  + ", which turns the legacy metadata endpoints back on"));
    }
  }
}
