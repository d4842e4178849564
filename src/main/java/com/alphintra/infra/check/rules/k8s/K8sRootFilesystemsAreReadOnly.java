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
 * No container can write to its image: an intruder cannot drop tools or change binaries in place.
 */
public final class K8sRootFilesystemsAreReadOnly implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-read-only-root-fs",
          "Containers have a read-only root filesystem",
          Severity.MEDIUM,
          Target.K8S,
          "A writable root filesystem lets a compromised process replace binaries and configuration of the image or"
              + " stage tools; with it read-only, what runs is what was built, and writes go only to the volumes"
              + " the pod declares.",
          "Set securityContext.readOnlyRootFilesystem: true on each container and mount an emptyDir where the"
              + " process must write (such as /tmp).",
          List.of(
              "kube-linter no-read-only-root-fs",
              "kube-score container-security-context-readonlyrootfilesystem",
              "Polaris notReadOnlyRootFilesystem",
              "checkov CKV_K8S_22"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        Optional<Object> readOnly = container.securityContext("readOnlyRootFilesystem");
        if (Boolean.TRUE.equals(readOnly.orElse(null))) {
          continue;
        }
        String message =
            readOnly.isEmpty()
                ? container.describe() + " does not set readOnlyRootFilesystem: true"
                : container.describe() + " sets readOnlyRootFilesystem: " + readOnly.get();
        findings.add(
            Finding.about(
                INFO,
                platform,
                pod.object(),
                container.pathOf("securityContext.readOnlyRootFilesystem"),
                container.describe(),
                message));
      }
    }
    return findings;
  }
}
