package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No process in a container can gain more privileges than its parent (setuid binaries, file
 * capabilities).
 */
public final class K8sContainersCannotEscalatePrivileges implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-no-privilege-escalation",
          "Containers cannot gain more privileges than they start with",
          Severity.HIGH,
          Target.K8S,
          "Kubernetes allows privilege escalation unless a container says otherwise, so a setuid binary in the"
              + " image can turn a compromised non-root process into root.",
          "Set securityContext.allowPrivilegeEscalation: false on each container.",
          List.of(
              "kube-linter privilege-escalation-container",
              "Polaris privilegeEscalationAllowed",
              "checkov CKV_K8S_20"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        Optional<Object> allowed = container.securityContext("allowPrivilegeEscalation");
        Optional<Object> privileged = container.securityContext("privileged");
        if (Boolean.TRUE.equals(privileged.orElse(null))) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("securityContext.privileged"),
                  container.describe(),
                  container.describe() + " sets privileged: true, which always allows escalation"));
        } else if (allowed.isEmpty()) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("name"),
                  container.describe(),
                  container.describe() + " does not set allowPrivilegeEscalation: false"));
        } else if (Boolean.TRUE.equals(allowed.get())) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("securityContext.allowPrivilegeEscalation"),
                  container.describe(),
                  container.describe() + " sets allowPrivilegeEscalation: true"));
        }
      }
    }
    return findings;
  }
}
