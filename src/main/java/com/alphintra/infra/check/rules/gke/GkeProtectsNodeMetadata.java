package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import com.alphintra.infra.terraform.MapValue;
import com.alphintra.infra.terraform.Value;
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
                  value.file(),
                  value.line(),
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
    List<EvaluationContext> contexts = terraform.contexts(pool.resource());
    // An outcome is the value and where its entry is written (the metadata map may come from a
    // variable the environment root sets).
    Outcomes<List<Object>> enabled = new Outcomes<>(contexts.size());
    for (EvaluationContext context : contexts) {
      Value map = context.instance().evaluate(metadata.value());
      if (!(map instanceof MapValue entries)) {
        continue;
      }
      Optional<Value> entry = entries.get(LEGACY_ENDPOINTS);
      Optional<Object> value =
          context
              .value(metadata.value())
              .filter(Map.class::isInstance)
              .map(found -> ((Map<?, ?>) found).get(LEGACY_ENDPOINTS));
      SourceLocation origin =
          SourceLocation.of(entry.flatMap(Value::origin).orElse(metadata.range()));
      value
          .map(String::valueOf)
          .filter(text -> !text.equalsIgnoreCase("true"))
          .ifPresent(text -> enabled.add(List.of(text, origin), context.name()));
    }
    for (Outcomes.Outcome<List<Object>> value : enabled.all()) {
      SourceLocation origin = (SourceLocation) value.value().get(1);
      findings.add(
          Finding.of(
              INFO,
              origin.file(),
              origin.line(),
              pool.name(),
              pool.name()
                  + " sets "
                  + METADATA
                  + " \""
                  + LEGACY_ENDPOINTS
                  + "\" = "
                  + Literal.of(value.value().get(0))
                  + value.where()
                  + ", which turns the legacy metadata endpoints back on"));
    }
  }
}
