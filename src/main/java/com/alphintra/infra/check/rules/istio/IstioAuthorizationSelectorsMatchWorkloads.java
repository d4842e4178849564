package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.IstioGatewayValues;
import com.alphintra.infra.platform.LabelSelector;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every AuthorizationPolicy with a selector selects a workload: a pod template in its namespace (in
 * any namespace for the root namespace istio-system), or the ingress gateway of the Istio Helm
 * values.
 */
public final class IstioAuthorizationSelectorsMatchWorkloads implements Rule {

  private static final String ROOT_NAMESPACE = "istio-system";

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-authz-selector-matches",
          "AuthorizationPolicy selectors match a workload",
          Severity.MEDIUM,
          Target.ISTIO,
          "A policy whose selector matches no pod enforces nothing: the allow it was meant to grant is missing (the"
              + " namespace default-deny then blocks the callers) or the deny it was meant to add is absent.",
          "Set spec.selector.matchLabels to the pod template labels of the workload the policy is for.",
          List.of(
              "istioctl analyze IST0127 NoMatchingWorkloadsFound",
              "https://istio.io/latest/docs/reference/config/analysis/ist0127/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject policy : set.view().ofKind("AuthorizationPolicy")) {
        Object selector = Fields.spec(policy).get("selector");
        Optional<LabelSelector> labels = LabelSelector.of(selector);
        if (selector == null
            || labels.isEmpty()
            || labels.get().isEmpty()
            || policy.namespace().isEmpty()
            || selects(set, policy.namespace().get(), labels.get())) {
          continue;
        }
        findings.add(
            set,
            policy,
            "spec.selector",
            policy.describe()
                + " selects "
                + labels.get()
                + " but no workload in "
                + policy.namespace().get()
                + " has these labels");
      }
    }
    return findings.list();
  }

  private static boolean selects(ObjectSet set, String namespace, LabelSelector labels) {
    for (IstioGatewayValues gateway : set.view().istioGatewayValues()) {
      if (labels.matches(gateway.labels())) {
        return true;
      }
    }
    Set<String> namespaces =
        namespace.equals(ROOT_NAMESPACE) ? set.view().workloadNamespaces() : Set.of(namespace);
    return namespaces.stream()
        .anyMatch(candidate -> !set.view().workloadsSelectedBy(candidate, labels).isEmpty());
  }
}
