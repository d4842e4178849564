package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every ALLOW rule of an in-mesh workload says who may call: a {@code from} source with a positive
 * field (principals, namespaces, ...), or a {@code when} condition on the caller ({@code source.*},
 * {@code request.auth.*}). A rule without one admits any workload of the mesh (under STRICT mTLS)
 * or any client at all (otherwise) on the ports and paths it names; a source with only {@code
 * notPrincipals} or {@code notNamespaces} admits everyone but those (ALLOW with negative matching).
 *
 * <p>Policies of an ingress gateway are exempt: the gateway's callers are clients on the internet,
 * which have no mesh identity to name, and its policy legitimately constrains hosts and paths only
 * (the services behind it still admit only the gateway's identity). Empty rules are {@code
 * istio-authz-no-allow-all}'s, not this rule's.
 */
public final class IstioAllowRulesNameTheirCallers implements Rule {

  private static final List<String> GATEWAY_LABEL_VALUES =
      List.of("ingressgateway", "ingress", "egressgateway");

  /**
   * The fields of a source that name callers; notPrincipals and the like name only who is left out.
   */
  private static final List<String> POSITIVE_SOURCE_FIELDS =
      List.of(
          "principals",
          "namespaces",
          "serviceAccounts",
          "requestPrincipals",
          "ipBlocks",
          "remoteIpBlocks");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-authz-caller-named",
          "Every ALLOW rule for an in-mesh workload names its callers",
          Severity.HIGH,
          Target.ISTIO,
          "An ALLOW rule with only a to (ports, paths, methods) and no from admits every caller that reaches the port:"
              + " any compromised pod in any namespace can then call the service, which turns one breach into lateral"
              + " movement across the platform. Gateway policies are exempt because internet clients have no mesh"
              + " identity.",
          "Add from.source.principals (cluster.local/ns/<namespace>/sa/<caller>) to the rule instead of none or only"
              + " notPrincipals, one ALLOW policy per"
              + " caller named <callee>-from-<caller>.",
          List.of(
              "Istio security best practices: authorization policies",
              "https://istio.io/latest/docs/ops/best-practices/security/#authorization-policies",
              "https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Map<?, ?>> gatewaySelectors = new ArrayList<>();
    for (LoadedObject gateway : platform.deployed().ofKind("Gateway")) {
      Map<?, ?> selector = Raw.map(Raw.spec(gateway), "selector");
      if (!selector.isEmpty()) {
        gatewaySelectors.add(selector);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject policy : platform.deployed().ofKind("AuthorizationPolicy")) {
      Map<?, ?> spec = Raw.spec(policy);
      if (!Raw.text(spec, "action").orElse("ALLOW").equals("ALLOW")
          || appliesToGateway(spec, gatewaySelectors)) {
        continue;
      }
      List<?> rules = Raw.list(spec, "rules");
      for (int index = 0; index < rules.size(); index++) {
        Object rule = rules.get(index);
        if (!IstioNamespacesDenyByDefault.isEmptyRule(rule) && !namesCaller(rule)) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  policy,
                  ("spec.rules[" + index + "]"),
                  policy.describe(),
                  policy.describe()
                      + " rule "
                      + (index + 1)
                      + " names no caller (no from with principals, namespaces"
                      + " or ipBlocks, no when on the caller), so it allows any caller"));
        }
      }
    }
    return findings;
  }

  private static boolean namesCaller(Object rule) {
    for (Object from : Raw.list(rule, "from")) {
      Map<?, ?> source = Raw.map(from, "source");
      if (POSITIVE_SOURCE_FIELDS.stream().anyMatch(field -> !Raw.list(source, field).isEmpty())) {
        return true;
      }
    }
    for (Object condition : Raw.list(rule, "when")) {
      String key = Raw.text(condition, "key").orElse("");
      if (key.startsWith("source.") || key.startsWith("request.auth.")) {
        return true;
      }
    }
    return false;
  }

  private static boolean appliesToGateway(Map<?, ?> spec, List<Map<?, ?>> gatewaySelectors) {
    for (Object ref : Raw.list(spec, "targetRefs")) {
      if (Raw.text(ref, "kind").orElse("").equals("Gateway")) {
        return true;
      }
    }
    Map<?, ?> labels = Raw.map(Raw.map(spec, "selector"), "matchLabels");
    if (labels.isEmpty()) {
      return false;
    }
    if (labels.get("istio") instanceof String value && GATEWAY_LABEL_VALUES.contains(value)) {
      return true;
    }
    return gatewaySelectors.stream()
        .anyMatch(selector -> labels.entrySet().containsAll(selector.entrySet()));
  }
}
