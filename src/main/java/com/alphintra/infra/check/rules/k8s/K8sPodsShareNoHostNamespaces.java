package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/** No pod joins the node's network, process or IPC namespace. */
public final class K8sPodsShareNoHostNamespaces implements Rule {

  private static final List<String> HOST_NAMESPACES = List.of("hostNetwork", "hostPID", "hostIPC");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-no-host-namespaces",
          "Pods do not share the node's network, process or IPC namespace",
          Severity.HIGH,
          Target.K8S,
          "A pod on the host network bypasses NetworkPolicies and the mesh and can reach every port the node can;"
              + " with the host PID or IPC namespace it can see, signal and read the memory of every process on the"
              + " node. The baseline Pod Security Standard forbids all three.",
          "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).",
          List.of(
              "kube-linter host-network",
              "kube-linter host-pid",
              "kube-linter host-ipc",
              "Polaris hostNetworkSet",
              "Polaris hostPIDSet",
              "Polaris hostIPCSet",
              "checkov CKV_K8S_17",
              "checkov CKV_K8S_18",
              "checkov CKV_K8S_19"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (String field : HOST_NAMESPACES) {
        if (Boolean.TRUE.equals(pod.spec().get(field))) {
          String object = pod.object().describe();
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  pod.pathOf(field),
                  object,
                  object + " sets " + field + ": true"));
        }
      }
    }
    return findings;
  }
}
