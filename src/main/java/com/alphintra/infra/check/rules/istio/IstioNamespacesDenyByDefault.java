package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.istio.ApplicationNamespaces.ApplicationNamespace;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.check.rules.refs.Undoings;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every application namespace starts from "deny everything": an allow-nothing AuthorizationPolicy
 * (ALLOW with no rules, {@code spec: {}}) or a DENY policy with an empty rule, applying to the
 * whole namespace. A policy in the root namespace (istio-system) applies to every namespace and
 * counts for all of them. Judged in what each overlay deploys; reported at the line that removes or
 * weakens the namespace's deny-all when an overlay does, else at the namespace.
 */
public final class IstioNamespacesDenyByDefault implements Rule {

  private static final String ROOT_NAMESPACE = "istio-system";

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-default-deny",
          "Every application namespace has a default-deny AuthorizationPolicy",
          Severity.HIGH,
          Target.ISTIO,
          "Without a namespace-wide deny-all, a workload no ALLOW policy selects accepts requests from every caller"
              + " in the mesh, so forgetting one policy opens a service instead of closing it. Application namespaces"
              + " are those labelled istio-injection: enabled (or istio.io/rev) and those holding our workloads.",
          "Add an AuthorizationPolicy named allow-nothing with spec: {} to the namespace, then one narrow ALLOW"
              + " policy per caller.",
          List.of(
              "Istio security best practices: use default-deny patterns",
              "https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.deployedSets()) {
      Set<String> denied = new HashSet<>();
      for (LoadedObject policy : set.view().ofKind("AuthorizationPolicy")) {
        if (isDenyAll(Raw.spec(policy))) {
          policy.namespace().ifPresent(denied::add);
        }
      }
      if (denied.contains(ROOT_NAMESPACE)) {
        continue;
      }
      for (ApplicationNamespace namespace : ApplicationNamespaces.of(set.view())) {
        if (denied.contains(namespace.name())) {
          continue;
        }
        List<LoadedObject> written =
            platform.kubernetes().ofKind("AuthorizationPolicy").stream()
                .filter(policy -> isDenyAll(Raw.spec(policy)))
                .filter(
                    policy ->
                        policy.namespace().isEmpty()
                            || policy.namespace().get().equals(namespace.name())
                            || policy.namespace().get().equals(ROOT_NAMESPACE))
                .toList();
        LoadedObject anchor = namespace.anchor();
        findings.add(
            set,
            anchor,
            "Namespace " + namespace.name(),
            Undoings.of(
                    platform,
                    set,
                    written,
                    policy -> isDenyAll(Raw.spec(policy)),
                    "spec.action",
                    "spec.rules",
                    "spec.selector",
                    "spec.targetRefs",
                    "spec")
                .orElseGet(() -> platform.locate(anchor, namespace.anchorPath())),
            "application namespace "
                + namespace.name()
                + " has no default-deny AuthorizationPolicy (ALLOW with no rules, or DENY with an empty rule)");
      }
    }
    return findings.list();
  }

  /** Whether a policy spec applies to its whole namespace and lets nothing through. */
  static boolean isDenyAll(Map<?, ?> spec) {
    if (Raw.has(spec, "selector")
        || Raw.has(spec, "targetRef")
        || !Raw.list(spec, "targetRefs").isEmpty()
        || Raw.has(spec, "provider")) {
      return false;
    }
    String action = Raw.text(spec, "action").orElse("ALLOW");
    List<?> rules = Raw.list(spec, "rules");
    return switch (action) {
      case "ALLOW" -> rules.isEmpty();
      case "DENY" -> rules.stream().anyMatch(IstioNamespacesDenyByDefault::isEmptyRule);
      default -> false;
    };
  }

  /** Whether a rule has no source, operation or condition, so it matches every request. */
  static boolean isEmptyRule(Object rule) {
    return rule instanceof Map<?, ?> fields
        && Raw.list(fields, "from").isEmpty()
        && Raw.list(fields, "to").isEmpty()
        && Raw.list(fields, "when").isEmpty();
  }
}
