package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every namespace enforces a Pod Security Standard, the restricted one unless it documents an
 * exception: its {@value #REASON} annotation starts with {@code exception} and says why (as
 * base/namespace.yaml does for observability and istio-system).
 */
public final class K8sNamespacesEnforcePodSecurity implements Rule {

  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final String REASON = "alphintra.io/pod-security-reason";
  private static final Set<String> LEVELS = Set.of("privileged", "baseline", "restricted");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-namespace-pod-security",
          "Namespaces enforce the restricted Pod Security Standard, or document why not",
          Severity.HIGH,
          Target.K8S,
          "Pod Security admission is the cluster's own backstop behind these checks: it rejects a root, privileged or"
              + " host-sharing pod however it was created. A namespace without the enforce label admits anything; one"
              + " below restricted should say which workload needs that and why.",
          "Label each Namespace "
              + ENFORCE
              + ": restricted; where a workload cannot run restricted, set baseline or"
              + " privileged and annotate the Namespace "
              + REASON
              + ": \"exception, <level>: <which workload needs"
              + " what>\".",
          List.of(
              "Kubernetes Pod Security Standards (restricted profile)",
              "https://kubernetes.io/docs/concepts/security/pod-security-admission/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject namespace : platform.deployed().ofKind("Namespace")) {
      String object = namespace.describe();
      String level = namespace.object().labels().get(ENFORCE);
      String labelPath = "metadata.labels[\"" + ENFORCE + "\"]";
      if (level == null) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                namespace,
                (labelPath),
                object,
                object + " has no " + ENFORCE + " label"));
      } else if (!LEVELS.contains(level)) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                namespace,
                (labelPath),
                object,
                object
                    + " sets "
                    + ENFORCE
                    + " to \""
                    + level
                    + "\", which is not privileged, baseline or restricted"));
      } else if (!level.equals("restricted")
          && !namespace
              .object()
              .annotations()
              .getOrDefault(REASON, "")
              .strip()
              .startsWith("exception")) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                namespace,
                (labelPath),
                object,
                object + " enforces " + level + " without an exception reason in " + REASON));
      }
    }
    return findings;
  }
}
