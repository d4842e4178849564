package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every Service with a selector selects the pod template of a workload in its namespace. */
public final class K8sServicesSelectWorkloads implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-service-targets-workload",
          "Services select the pods of a workload",
          Severity.HIGH,
          Target.K8S,
          "A Service whose selector matches no pod has no endpoints: its clients get connection refused or 503, and"
              + " nothing reports why; it usually follows a renamed label on either side.",
          "Make spec.selector equal to (a subset of) the pod template labels of the workload the Service fronts.",
          List.of("kube-score service-targets-pod", "kube-linter dangling-service"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject service : set.view().ofKind("Service")) {
        Optional<Map<String, String>> selector =
            Fields.labels(Fields.spec(service).get("selector"));
        if (selector.isEmpty() || selector.get().isEmpty() || service.namespace().isEmpty()) {
          continue;
        }
        if (set.view().workloadsSelectedBy(service.namespace().get(), selector.get()).isEmpty()) {
          findings.add(
              set,
              service,
              "spec.selector",
              service.describe()
                  + " selects "
                  + Fields.show(selector.get())
                  + " but no workload in "
                  + service.namespace().get()
                  + " has these pod labels");
        }
      }
    }
    return findings.list();
  }
}
