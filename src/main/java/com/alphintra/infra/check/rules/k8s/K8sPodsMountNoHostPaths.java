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

/** No pod mounts a directory of the node: what a pod stores lives in volumes Kubernetes manages. */
public final class K8sPodsMountNoHostPaths implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-no-host-path",
          "Pods mount no hostPath volumes",
          Severity.HIGH,
          Target.K8S,
          "A hostPath volume exposes the node's filesystem to the pod: the container runtime socket, kubelet"
              + " credentials or other pods' data are a mount away, and writes survive the pod on that node only."
              + " The baseline Pod Security Standard forbids hostPath.",
          "Replace each hostPath volume with an emptyDir, a configMap or secret, or a PersistentVolumeClaim.",
          List.of(
              "kube-linter sensitive-host-mounts",
              "kube-linter writable-host-mount",
              "kube-linter docker-sock",
              "checkov CKV_K8S_27"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      if (!(pod.spec().get("volumes") instanceof List<?> volumes)) {
        continue;
      }
      for (int index = 0; index < volumes.size(); index++) {
        if (volumes.get(index) instanceof Map<?, ?> volume
            && volume.get("hostPath") instanceof Map<?, ?> hostPath) {
          String name = volume.get("name") instanceof String text ? text : "<unnamed>";
          String path = hostPath.get("path") instanceof String text ? " " + text : "";
          String object = pod.object().describe();
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  pod.pathOf("volumes[" + index + "].hostPath"),
                  object,
                  object + " volume \"" + name + "\" mounts host path" + path));
        }
      }
    }
    return findings;
  }
}
