package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Every container of a long-running pod says when it is ready for traffic and when it must be
 * restarted. Init containers and the pods of Jobs run to completion, so probes do not apply to
 * them.
 */
public final class K8sContainersHaveProbes implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-probes-set",
          "Long-running containers have liveness and readiness probes",
          Severity.MEDIUM,
          Target.K8S,
          "Without a readiness probe a pod gets traffic before it can serve it and keeps getting it while it cannot,"
              + " so every rollout and every stall drops requests; without a liveness probe a hung process is never"
              + " restarted.",
          "Add a readinessProbe and a livenessProbe (and a startupProbe for slow starters) to each container of a"
              + " Deployment, StatefulSet or DaemonSet.",
          List.of(
              "kube-linter no-liveness-probe",
              "kube-linter no-readiness-probe",
              "kube-score pod-probes",
              "Polaris livenessProbeMissing",
              "Polaris readinessProbeMissing",
              "checkov CKV_K8S_8",
              "checkov CKV_K8S_9"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      if (!pod.isLongRunning()) {
        continue;
      }
      for (Container container : pod.containers()) {
        if (container.isInit()) {
          continue;
        }
        List<String> missing = new ArrayList<>();
        if (container.field("livenessProbe").isEmpty()) {
          missing.add("livenessProbe");
        }
        if (container.field("readinessProbe").isEmpty()) {
          missing.add("readinessProbe");
        }
        if (!missing.isEmpty()) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("name"),
                  container.describe(),
                  container.describe() + " has no " + String.join(" and no ", missing)));
        }
      }
    }
    return findings;
  }
}
