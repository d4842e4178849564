package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every container, init containers included, requests CPU and memory and limits memory. A CPU limit
 * is not required: it throttles a busy service while the node has idle cores, and the request
 * already shares CPU fairly.
 */
public final class K8sContainersSetResources implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-resources-set",
          "Containers request CPU and memory and limit memory",
          Severity.MEDIUM,
          Target.K8S,
          "Without requests the scheduler packs pods onto nodes that cannot hold them and the pod is evicted first"
              + " under pressure; without a memory limit one leaking container can make the node kill its"
              + " neighbours. A namespace LimitRange default hides the gap instead of sizing the container.",
          "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on each container"
              + " (overlays patch the values per environment).",
          List.of(
              "kube-linter unset-cpu-requirements",
              "kube-linter unset-memory-requirements",
              "kube-score container-resources",
              "Polaris cpuRequestsMissing",
              "Polaris memoryRequestsMissing",
              "Polaris memoryLimitsMissing",
              "checkov CKV_K8S_10",
              "checkov CKV_K8S_12",
              "checkov CKV_K8S_13"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        Map<?, ?> resources =
            container
                .field("resources")
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .orElse(Map.of());
        List<String> missing = new ArrayList<>();
        if (!has(resources, "requests", "cpu")) {
          missing.add("cpu request");
        }
        if (!has(resources, "requests", "memory")) {
          missing.add("memory request");
        }
        if (!has(resources, "limits", "memory")) {
          missing.add("memory limit");
        }
        if (!missing.isEmpty()) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("resources"),
                  container.describe(),
                  container.describe() + " sets no " + String.join(", no ", missing)));
        }
      }
    }
    return findings;
  }

  private static boolean has(Map<?, ?> resources, String section, String resource) {
    return resources.get(section) instanceof Map<?, ?> values && values.get(resource) != null;
  }
}
