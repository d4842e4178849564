package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.AttributeStep;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.IndexStep;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TraversalStep;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Only the networks we list reach the Kubernetes API server; never the whole internet. */
public final class GkeControlPlaneAcceptsOnlyAuthorizedNetworks implements Rule {

  static final String CONFIG = "master_authorized_networks_config";
  static final String GOOGLE_CLOUD_ACCESS = CONFIG + ".gcp_public_cidrs_access_enabled";
  static final String IP_ENDPOINTS = "control_plane_endpoints_config.ip_endpoints_config.enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-control-plane-authorized-networks",
          "The GKE control plane accepts connections only from authorized networks",
          Severity.HIGH,
          Target.GKE,
          "Without authorized networks, or with 0.0.0.0/0 among them, anyone who can route to the API server can try"
              + " stolen credentials and unpatched vulnerabilities against it; Google Cloud's public ranges hold every"
              + " other customer's VMs.",
          "Add master_authorized_networks_config to the google_container_cluster with a cidr_blocks entry per network"
              + " that administers the cluster (never 0.0.0.0/0), and leave gcp_public_cidrs_access_enabled unset or"
              + " false.",
          List.of(
              "checkov CKV_GCP_20",
              "checkov CKV_GCP_18",
              "tfsec google-gke-enable-master-networks",
              "tfsec google-gke-no-public-control-plane",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      Optional<Block> config = cluster.nestedBlock(CONFIG);
      if (config.isEmpty()) {
        if (!Clusters.isEverywhere(terraform, cluster, IP_ENDPOINTS, false)) {
          findings.add(
              Finding.of(
                  INFO,
                  cluster.file(),
                  cluster.line(),
                  cluster.address(),
                  cluster.address()
                      + " has no "
                      + CONFIG
                      + ", so the control plane accepts connections from any"
                      + " address that can reach it"));
        }
        continue;
      }
      for (TerraformValue value : terraform.values(cluster, GOOGLE_CLOUD_ACCESS)) {
        if (Boolean.TRUE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address()
                      + " sets "
                      + GOOGLE_CLOUD_ACCESS
                      + " = true"
                      + value.where()
                      + ", which admits the public addresses of every Google Cloud VM"));
        }
      }
      openCidrs(terraform, cluster, config.get())
          .forEach(
              (line, values) -> {
                for (Outcomes.Outcome<String> value : values.all()) {
                  findings.add(
                      Finding.of(
                          INFO,
                          cluster.file(),
                          line,
                          cluster.address(),
                          cluster.address()
                              + " authorizes "
                              + value.value()
                              + " to reach the control plane"
                              + value.where()));
                }
              });
    }
    return findings;
  }

  /**
   * The internet-wide CIDRs the config authorizes, by the line of their {@code cidr_block}, with
   * their contexts.
   */
  private static Map<Integer, Outcomes<String>> openCidrs(
      TerraformView terraform, TerraformResource cluster, Block config) {
    List<EvaluationContext> contexts = terraform.contexts(cluster);
    Map<Integer, Outcomes<String>> open = new LinkedHashMap<>();
    for (Block block : config.body().blocks("cidr_blocks")) {
      Optional<Attribute> cidr = block.body().attribute("cidr_block");
      if (cidr.isEmpty()) {
        continue;
      }
      for (EvaluationContext context : contexts) {
        context
            .value(cidr.get().value())
            .ifPresent(value -> record(open, cidr.get(), value, context, contexts));
      }
    }
    for (Block dynamic : config.body().blocks("dynamic")) {
      if (!dynamic.labelValues().equals(List.of("cidr_blocks"))) {
        continue;
      }
      Optional<Attribute> forEach = dynamic.body().attribute("for_each");
      Optional<Attribute> cidr =
          dynamic.body().blocks("content").stream()
              .findFirst()
              .flatMap(content -> content.body().attribute("cidr_block"));
      if (forEach.isEmpty() || cidr.isEmpty()) {
        continue;
      }
      String iterator =
          dynamic
              .body()
              .attribute("iterator")
              .flatMap(name -> name.value().asTraversal())
              .filter(traversal -> traversal.steps().isEmpty())
              .map(ScopeTraversal::root)
              .orElse("cidr_blocks");
      for (EvaluationContext context : contexts) {
        Optional<Object> collection = context.value(forEach.get().value());
        for (Map.Entry<Object, Object> element : elements(collection.orElse(null)).entrySet()) {
          elementValue(cidr.get().value(), iterator, element.getKey(), element.getValue(), context)
              .ifPresent(value -> record(open, cidr.get(), value, context, contexts));
        }
      }
    }
    return open;
  }

  private static void record(
      Map<Integer, Outcomes<String>> open,
      Attribute cidr,
      Object value,
      EvaluationContext context,
      List<EvaluationContext> contexts) {
    if (value instanceof String text && isInternetWide(text)) {
      open.computeIfAbsent(cidr.range().start().line(), line -> new Outcomes<>(contexts.size()))
          .add(text.trim(), context.name());
    }
  }

  /** A {@code /0} range, IPv4 or IPv6: every address there is. */
  static boolean isInternetWide(String cidr) {
    return cidr.trim().endsWith("/0");
  }

  /** The elements {@code for_each} iterates over, by key: list indexes or map keys. */
  private static Map<Object, Object> elements(Object collection) {
    Map<Object, Object> elements = new LinkedHashMap<>();
    if (collection instanceof List<?> list) {
      for (int index = 0; index < list.size(); index++) {
        elements.put(BigDecimal.valueOf(index), list.get(index));
      }
    } else if (collection instanceof Map<?, ?> map) {
      map.forEach(elements::put);
    }
    return elements;
  }

  /**
   * The value of a {@code content} expression for one element: a reference through the iterator
   * ({@code cidr_blocks.value.cidr_block}, {@code net.key}) is followed into the element; anything
   * else is evaluated as it stands.
   */
  private static Optional<Object> elementValue(
      Expression expression,
      String iterator,
      Object key,
      Object element,
      EvaluationContext context) {
    Expression inner =
        expression instanceof TemplateExpr template
            ? template.unwrapped().orElse(expression)
            : expression;
    Optional<ScopeTraversal> traversal =
        inner.asTraversal().filter(found -> found.root().equals(iterator));
    if (traversal.isEmpty()) {
      return context.value(expression);
    }
    List<TraversalStep> steps = traversal.get().steps();
    Optional<String> first = traversal.get().attribute(0);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    Object value =
        switch (first.get()) {
          case "value" -> element;
          case "key" -> key;
          default -> null;
        };
    for (int index = 1; index < steps.size() && value != null; index++) {
      value = step(value, steps.get(index));
    }
    return Optional.ofNullable(value);
  }

  private static Object step(Object value, TraversalStep step) {
    if (step instanceof AttributeStep attribute) {
      return value instanceof Map<?, ?> map ? map.get(attribute.name()) : null;
    }
    if (step instanceof IndexStep index) {
      if (value instanceof Map<?, ?> map) {
        return map.get(index.key());
      }
      if (value instanceof List<?> list
          && index.asIndex().isPresent()
          && index.asIndex().getAsInt() < list.size()) {
        return list.get(index.asIndex().getAsInt());
      }
    }
    return null;
  }
}
