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
import java.util.Optional;

/**
 * Every container runs under a seccomp profile: the runtime's default, or a reviewed one from the
 * node.
 */
public final class K8sSeccompIsRuntimeDefault implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-seccomp-runtime-default",
          "Containers run under the RuntimeDefault seccomp profile",
          Severity.MEDIUM,
          Target.K8S,
          "Without a seccomp profile a container can make every system call, including the rarely used ones most"
              + " kernel exploits go through; Kubernetes runs pods Unconfined unless told otherwise, and the"
              + " restricted Pod Security Standard requires RuntimeDefault or Localhost.",
          "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or on each container).",
          List.of("kube-score container-seccomp-profile", "checkov CKV_K8S_31"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      Optional<Object> podType = typeOf(pod.podSecurityContext("seccompProfile"));
      for (Container container : pod.containers()) {
        Optional<Object> own = typeOf(container.securityContext("seccompProfile"));
        Optional<Object> type = own.or(() -> podType);
        if (type.filter(t -> t.equals("RuntimeDefault") || t.equals("Localhost")).isPresent()) {
          continue;
        }
        String path =
            own.isPresent()
                ? container.pathOf("securityContext.seccompProfile.type")
                : podType.isPresent()
                    ? pod.pathOf("securityContext.seccompProfile.type")
                    : container.pathOf("securityContext.seccompProfile");
        String message =
            type.isEmpty()
                ? container.describe()
                    + " has no seccompProfile (neither on the container nor on the pod)"
                : container.describe() + " runs with seccompProfile type " + type.get();
        findings.add(
            Finding.about(INFO, platform, pod.object(), path, container.describe(), message));
      }
    }
    return findings;
  }

  private static Optional<Object> typeOf(Optional<Object> profile) {
    return profile.filter(Map.class::isInstance).map(p -> ((Map<?, ?>) p).get("type"));
  }
}
