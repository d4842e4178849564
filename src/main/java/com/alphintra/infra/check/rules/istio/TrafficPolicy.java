package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.platform.LoadedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One traffic policy of a DestinationRule and where it sits: the rule's own, each port-level
 * setting, each subset's and each subset's port-level settings.
 *
 * @param path the field path of the policy ({@code spec.trafficPolicy}, {@code
 *     spec.subsets[0].trafficPolicy})
 * @param fields the policy's fields
 */
record TrafficPolicy(String path, Map<?, ?> fields) {

  /** Every traffic policy a DestinationRule writes, the rule's own first. */
  static List<TrafficPolicy> all(LoadedObject rule) {
    List<TrafficPolicy> policies = new ArrayList<>();
    Map<?, ?> spec = Raw.spec(rule);
    addWithPorts(policies, "spec.trafficPolicy", Raw.map(spec, "trafficPolicy"));
    List<?> subsets = Raw.list(spec, "subsets");
    for (int index = 0; index < subsets.size(); index++) {
      addWithPorts(
          policies,
          "spec.subsets[" + index + "].trafficPolicy",
          Raw.map(subsets.get(index), "trafficPolicy"));
    }
    return policies;
  }

  private static void addWithPorts(List<TrafficPolicy> policies, String path, Map<?, ?> policy) {
    if (policy.isEmpty()) {
      return;
    }
    policies.add(new TrafficPolicy(path, policy));
    List<?> ports = Raw.list(policy, "portLevelSettings");
    for (int index = 0; index < ports.size(); index++) {
      if (ports.get(index) instanceof Map<?, ?> port) {
        policies.add(new TrafficPolicy(path + ".portLevelSettings[" + index + "]", port));
      }
    }
  }
}
