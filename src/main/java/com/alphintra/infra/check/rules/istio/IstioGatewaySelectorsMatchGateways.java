package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.IstioGatewayValues;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every Gateway's selector matches a gateway workload: the pod template of a Deployment,
 * StatefulSet or DaemonSet of the overlay, or the ingress gateway the Istio Helm values install.
 */
public final class IstioGatewaySelectorsMatchGateways implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-gateway-selector-matches",
          "Gateway selectors match an ingress gateway workload",
          Severity.HIGH,
          Target.ISTIO,
          "A Gateway whose selector matches no gateway pod configures no listener: its hosts are not served and"
              + " every VirtualService bound to it is dead, with no error when it is applied.",
          "Set spec.selector to the labels of the ingress gateway's pods (the labels of"
              + " infra/kubernetes/istio/helm/gateway-values.yaml, such as istio: ingress).",
          List.of(
              "istioctl analyze IST0101 ReferencedResourceNotFound (gateway selector)",
              "https://istio.io/latest/docs/reference/config/analysis/ist0101/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject gateway : set.view().ofKind("Gateway")) {
        Optional<Map<String, String>> selector =
            Fields.labels(Fields.spec(gateway).get("selector"));
        if (selector.isEmpty() || selector.get().isEmpty() || matches(set, selector.get())) {
          continue;
        }
        findings.add(
            set,
            gateway,
            "spec.selector",
            gateway.describe()
                + " selects "
                + Fields.show(selector.get())
                + " but no gateway workload has these labels (nor the gateway of the Istio Helm values)");
      }
    }
    return findings.list();
  }

  private static boolean matches(ObjectSet set, Map<String, String> selector) {
    for (IstioGatewayValues gateway : set.view().istioGatewayValues()) {
      if (gateway.matches(selector)) {
        return true;
      }
    }
    for (String namespace : set.view().workloadNamespaces()) {
      if (!set.view().workloadsSelectedBy(namespace, selector).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
