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
import java.util.Map;

/**
 * No pod gets a Kubernetes API token it does not use. The token is off when the pod spec sets
 * {@code automountServiceAccountToken: false}, or leaves it unset and its ServiceAccount (as
 * written in {@code infra/}) sets it false. A workload that does call the API opts in on its
 * metadata or pod template with {@value #OPT_IN}{@code : "true"} and says why in {@value #REASON}.
 */
public final class K8sServiceAccountTokensAreNotMounted implements Rule {

  static final String OPT_IN = "alphintra.io/needs-api-access";
  static final String REASON = "alphintra.io/api-access-reason";

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-service-account-token-off",
          "Pods mount no Kubernetes API token unless they call the API",
          Severity.MEDIUM,
          Target.K8S,
          "Kubernetes mounts a ServiceAccount token into every pod by default; in a pod that never calls the API the"
              + " token only serves an intruder, who can use it to explore and, with any RBAC grant, change the"
              + " cluster.",
          "Set automountServiceAccountToken: false on the workload's ServiceAccount (or its pod spec); a workload"
              + " that calls the Kubernetes API instead gets the annotations "
              + OPT_IN
              + ": \"true\" and "
              + REASON
              + ": \"<what it calls and why>\" on its metadata or pod template.",
          List.of(
              "kube-linter automount-service-account-token",
              "Polaris automountServiceAccountToken",
              "checkov CKV_K8S_38"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      Map<String, String> annotations = pod.annotations();
      String object = pod.object().describe();
      if ("true".equals(annotations.get(OPT_IN))) {
        if (annotations.getOrDefault(REASON, "").isBlank()) {
          String onTemplate = pod.metadataPath() + ".annotations[\"" + OPT_IN + "\"]";
          String path =
              pod.object().object().positionOf(onTemplate).isPresent()
                  ? onTemplate
                  : "metadata.annotations[\"" + OPT_IN + "\"]";
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  path,
                  object,
                  object + " opts in with " + OPT_IN + " but gives no reason in " + REASON));
        }
        continue;
      }
      Object podSetting = pod.spec().get("automountServiceAccountToken");
      if (Boolean.FALSE.equals(podSetting)) {
        continue;
      }
      String account =
          pod.spec().get("serviceAccountName") instanceof String name ? name : "default";
      if (Boolean.TRUE.equals(podSetting)) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                pod.object(),
                pod.pathOf("automountServiceAccountToken"),
                object,
                object
                    + " sets automountServiceAccountToken: true without "
                    + OPT_IN
                    + ": \"true\""));
      } else if (!accountDisablesToken(platform, pod, account)) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                pod.object(),
                pod.pathOf("serviceAccountName"),
                object,
                object
                    + " mounts the API token of ServiceAccount \""
                    + account
                    + "\": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false"));
      }
    }
    return findings;
  }

  private static boolean accountDisablesToken(Platform platform, PodTemplate pod, String account) {
    for (LoadedObject serviceAccount :
        platform.deployed().find("ServiceAccount", pod.object().namespace(), account)) {
      if (serviceAccount.overlay().equals(pod.object().overlay())
          && Boolean.FALSE.equals(
              serviceAccount.object().raw().get("automountServiceAccountToken"))) {
        return true;
      }
    }
    return false;
  }
}
