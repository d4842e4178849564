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
 * Every container drops all Linux capabilities and adds back none but NET_BIND_SERVICE, as the
 * restricted Pod Security Standard requires. The sidecars need nothing either: Istio CNI, not an
 * istio-init container with NET_ADMIN and NET_RAW, sets up the traffic redirect.
 */
public final class K8sContainersDropAllCapabilities implements Rule {

  /** The one capability the restricted Pod Security Standard lets a container add. */
  private static final String ALLOWED_ADDITION = "NET_BIND_SERVICE";

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-drop-all-capabilities",
          "Containers drop all capabilities and add none back",
          Severity.HIGH,
          Target.K8S,
          "The default capability set lets root in a container forge packets (NET_RAW), change file ownership and"
              + " more; added ones such as NET_ADMIN or SYS_ADMIN reach the node's network and kernel. The"
              + " restricted Pod Security Standard admits only containers that drop ALL and add at most"
              + " NET_BIND_SERVICE.",
          "Set securityContext.capabilities.drop: [ALL] on each container and remove every entry of"
              + " capabilities.add except NET_BIND_SERVICE.",
          List.of(
              "kube-linter drop-net-raw-capability",
              "Polaris dangerousCapabilities",
              "Polaris insecureCapabilities",
              "checkov CKV_K8S_25",
              "checkov CKV_K8S_28",
              "checkov CKV_K8S_37",
              "checkov CKV_K8S_39"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        Map<?, ?> capabilities =
            container
                .securityContext("capabilities")
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .orElse(Map.of());
        if (!(capabilities.get("drop") instanceof List<?> drop && drop.contains("ALL"))) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("securityContext.capabilities.drop"),
                  container.describe(),
                  container.describe() + " does not drop ALL capabilities"));
        }
        if (capabilities.get("add") instanceof List<?> add) {
          for (int index = 0; index < add.size(); index++) {
            if (add.get(index) instanceof String capability
                && !capability.equals(ALLOWED_ADDITION)) {
              findings.add(
                  Finding.about(
                      INFO,
                      platform,
                      pod.object(),
                      container.pathOf("securityContext.capabilities.add[" + index + "]"),
                      container.describe(),
                      container.describe() + " adds capability " + capability));
            }
          }
        }
      }
    }
    return findings;
  }
}
