package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Service port's targetPort is a port of the workloads it selects: a named containerPort for
 * a name; for a number, a listed containerPort (when the containers list their ports at all).
 */
public final class K8sServiceTargetPortsExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-service-target-port-exists",
          "Service targetPorts are container ports of the selected workloads",
          Severity.HIGH,
          Target.K8S,
          "A targetPort the pods do not expose sends the Service's traffic to a closed port; a named targetPort"
              + " that no container declares gives the Service no endpoints for that port at all.",
          "Set targetPort to the name (preferred) or number of a containerPort of the workload the Service selects.",
          List.of(
              "kube-score service-targets-pod",
              "https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports"));

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
        List<LoadedObject> workloads =
            set.view().workloadsSelectedBy(service.namespace().get(), selector.get());
        if (workloads.isEmpty()) {
          continue;
        }
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (LoadedObject workload : workloads) {
          for (Object container : Fields.list(KubernetesView.podSpec(workload).get("containers"))) {
            for (Object port : Fields.list(Fields.map(container).get("ports"))) {
              Fields.text(Fields.map(port).get("name")).ifPresent(names::add);
              if (Fields.map(port).get("containerPort") instanceof Integer number) {
                numbers.add(number);
              }
            }
          }
        }
        List<?> ports = Fields.list(Fields.spec(service).get("ports"));
        for (int index = 0; index < ports.size(); index++) {
          Map<?, ?> port = Fields.map(ports.get(index));
          Object target =
              port.containsKey("targetPort") ? port.get("targetPort") : port.get("port");
          String path =
              "spec.ports["
                  + index
                  + "]"
                  + (port.containsKey("targetPort") ? ".targetPort" : ".port");
          boolean missing =
              target instanceof String name
                  ? !names.contains(name)
                  : target instanceof Integer number
                      && !numbers.isEmpty()
                      && !numbers.contains(number);
          if (missing) {
            findings.add(
                set,
                service,
                path,
                service.describe()
                    + " targets port "
                    + target
                    + " but no container of "
                    + workloads.get(0).describe()
                    + (workloads.size() > 1 ? " (or the other selected workloads)" : "")
                    + " declares it");
          }
        }
      }
    }
    return findings.list();
  }
}
