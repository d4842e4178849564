package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.check.rules.refs.ServiceHosts;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every subset of a DestinationRule for a Service selects at least one workload: a pod template
 * with the Service's selector and the subset's labels, in the Service's namespace.
 */
public final class IstioDestinationRuleSubsetsSelectWorkloads implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-dr-subset-selects-workload",
          "DestinationRule subsets select at least one workload of their Service",
          Severity.HIGH,
          Target.ISTIO,
          "A subset whose labels no pod of the Service carries has no endpoints, so every route to it fails with"
              + " 503 (no healthy upstream); it usually follows a version label that changed on the workload only.",
          "Make the subset's labels match the pod template labels of a workload the Service selects (subsets"
              + " select on app.kubernetes.io/version).",
          List.of(
              "istioctl analyze IST0101 ReferencedResourceNotFound",
              "https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject rule : set.view().ofKind("DestinationRule")) {
        Optional<LoadedObject> service =
            Fields.text(Fields.spec(rule).get("host"))
                .filter(host -> !ServiceHosts.isWildcard(host))
                .flatMap(host -> ServiceHosts.serviceName(host, rule.namespace()))
                .flatMap(name -> ServiceHosts.service(set.view(), name));
        Optional<Map<String, String>> selector =
            service.flatMap(found -> Fields.labels(Fields.spec(found).get("selector")));
        if (service.isEmpty() || selector.isEmpty() || selector.get().isEmpty()) {
          continue;
        }
        List<?> subsets = Fields.list(Fields.spec(rule).get("subsets"));
        for (int index = 0; index < subsets.size(); index++) {
          Map<?, ?> subset = Fields.map(subsets.get(index));
          Optional<Map<String, String>> labels = Fields.labels(subset.get("labels"));
          if (labels.isEmpty()) {
            continue;
          }
          Map<String, String> combined = new LinkedHashMap<>(selector.get());
          combined.putAll(labels.get());
          String namespace = service.get().namespace().orElseThrow();
          if (set.view().workloadsSelectedBy(namespace, combined).isEmpty()) {
            String name = Fields.text(subset.get("name")).orElse("#" + index);
            findings.add(
                set,
                rule,
                "spec.subsets[" + index + "].labels",
                rule.describe()
                    + " subset "
                    + name
                    + " selects no workload of "
                    + service.get().describe()
                    + ": no pod template in "
                    + namespace
                    + " has "
                    + Fields.show(combined));
          }
        }
      }
    }
    return findings.list();
  }
}
