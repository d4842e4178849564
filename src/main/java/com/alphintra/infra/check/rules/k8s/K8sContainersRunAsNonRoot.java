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

/** No container runs as root: a container escape then starts without root on the node. */
public final class K8sContainersRunAsNonRoot implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-run-as-non-root",
          "Containers run as a non-root user",
          Severity.HIGH,
          Target.K8S,
          "A process running as root inside a container is root on the node as soon as it escapes the container,"
              + " and can change files the image expects to be read-only.",
          "Set securityContext.runAsNonRoot: true (and a non-zero runAsUser) on the pod or on each container.",
          List.of(
              "kube-linter run-as-non-root",
              "kube-score container-security-context-user-group-id",
              "Polaris runAsRootAllowed",
              "checkov CKV_K8S_23"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        Optional<Object> nonRoot = container.effectiveSecurityContext("runAsNonRoot");
        Optional<Object> user = container.effectiveSecurityContext("runAsUser");
        boolean userIsRoot =
            user.filter(u -> u instanceof Number number && number.longValue() == 0).isPresent();
        boolean userIsNotRoot =
            user.filter(u -> u instanceof Number number && number.longValue() > 0).isPresent();
        if (userIsRoot) {
          findings.add(
              finding(
                  platform,
                  container,
                  "securityContext.runAsUser",
                  container.describe() + " sets runAsUser: 0"));
        } else if (Boolean.FALSE.equals(nonRoot.orElse(null)) && !userIsNotRoot) {
          findings.add(
              finding(
                  platform,
                  container,
                  "securityContext.runAsNonRoot",
                  container.describe() + " sets runAsNonRoot: false"));
        } else if (nonRoot.isEmpty() && user.isEmpty()) {
          findings.add(
              finding(
                  platform,
                  container,
                  "securityContext.runAsNonRoot",
                  container.describe()
                      + " sets neither runAsNonRoot: true nor a non-zero runAsUser"));
        }
      }
    }
    return findings;
  }

  private static Finding finding(
      Platform platform, Container container, String field, String message) {
    String path =
        container.securityContext(field.substring("securityContext.".length())).isPresent()
            ? container.pathOf(field)
            : container.pathOf("name");
    return Finding.about(
        INFO, platform, container.pod().object(), path, container.describe(), message);
  }
}
