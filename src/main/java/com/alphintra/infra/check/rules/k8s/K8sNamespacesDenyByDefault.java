package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every application namespace starts from a NetworkPolicy that denies all ingress and egress (an
 * empty podSelector, policyTypes Ingress and Egress, no rules; one policy or one per direction), so
 * each allowed flow is a policy of its own. An application namespace is one labelled {@code
 * istio-injection: enabled} or {@code app.kubernetes.io/part-of: alphintra} (a namespace of ours,
 * also when its workloads come from a Helm chart, as the operators' do), or one that holds a
 * workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod) of ours.
 */
public final class K8sNamespacesDenyByDefault implements Rule {

  private static final String PART_OF = "app.kubernetes.io/part-of";
  private static final String PART_OF_VALUE = "alphintra";

  private static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-namespace-default-deny",
          "Application namespaces deny all traffic by default",
          Severity.HIGH,
          Target.K8S,
          "Kubernetes lets every pod talk to every other pod and to the internet until a NetworkPolicy selects it;"
              + " a default-deny policy per namespace makes a forgotten or new workload unreachable instead of open,"
              + " and every allowed flow an explicit, reviewable policy.",
          "Add a NetworkPolicy <namespace>-default-deny with podSelector: {}, policyTypes: [Ingress, Egress] and no"
              + " ingress or egress rules to each application namespace, then one narrow allow per flow.",
          List.of(
              "kube-score pod-networkpolicy",
              "kube-linter non-isolated-pod",
              "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    Map<String, Denial> denied = new LinkedHashMap<>();
    for (LoadedObject policy : platform.kubernetes().ofKind("NetworkPolicy")) {
      Denial denial = Denial.of(policy);
      if (policy.namespace().isEmpty()) {
        if (denial.ingress() || denial.egress()) {
          return List.of();
        }
        continue;
      }
      denied.merge(policy.namespace().get(), denial, Denial::or);
    }
    List<Finding> findings = new ArrayList<>();
    applicationNamespaces(platform)
        .forEach(
            (namespace, where) -> {
              Denial denial = denied.getOrDefault(namespace, Denial.NONE);
              if (denial.ingress() && denial.egress()) {
                return;
              }
              String missing =
                  !denial.ingress() && !denial.egress()
                      ? "ingress and egress"
                      : denial.ingress() ? "egress" : "ingress";
              String object = "Namespace " + namespace;
              findings.add(
                  Finding.of(
                      INFO,
                      where.object().file(),
                      where.line(),
                      object,
                      object
                          + " has no default-deny NetworkPolicy for "
                          + missing
                          + " (podSelector: {}, policyTypes Ingress and Egress, no rules)"));
            });
    return findings;
  }

  /**
   * Each application namespace and where to report it: its Namespace object, else its first
   * workload.
   */
  private static Map<String, Location> applicationNamespaces(Platform platform) {
    Map<String, Location> namespaces = new LinkedHashMap<>();
    for (LoadedObject namespace : platform.kubernetes().ofKind("Namespace")) {
      Map<String, String> labels = namespace.object().labels();
      if ("enabled".equals(labels.get("istio-injection"))
          || PART_OF_VALUE.equals(labels.get(PART_OF))) {
        namespaces.put(
            namespace.name(), new Location(namespace, namespace.lineOf("metadata.name")));
      }
    }
    for (LoadedObject workload :
        platform.kubernetes().ofKinds(WORKLOAD_KINDS.toArray(String[]::new))) {
      Optional<String> name = workload.namespace();
      if (name.isEmpty() || namespaces.containsKey(name.get())) {
        continue;
      }
      List<LoadedObject> declared =
          platform.kubernetes().find("Namespace", Optional.empty(), name.get());
      namespaces.put(
          name.get(),
          declared.isEmpty()
              ? new Location(workload, workload.lineOf("metadata.namespace"))
              : new Location(declared.get(0), declared.get(0).lineOf("metadata.name")));
    }
    return namespaces;
  }

  private static boolean selectsEveryPod(Object selector) {
    return selector instanceof Map<?, ?> map
        && isEmpty(map.get("matchLabels"))
        && isEmpty(map.get("matchExpressions"));
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof List<?> list && list.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  private record Location(LoadedObject object, int line) {}

  /**
   * Whether a policy (or the policies of a namespace together) deny all ingress and all egress of
   * every pod. A policy left without a namespace (kustomize sets it) counts as unknown: the rule
   * then stays silent.
   */
  private record Denial(boolean ingress, boolean egress) {

    static final Denial NONE = new Denial(false, false);

    static Denial of(LoadedObject policy) {
      if (!(policy.object().raw().get("spec") instanceof Map<?, ?> spec)
          || !selectsEveryPod(spec.get("podSelector"))
          || !(spec.get("policyTypes") instanceof List<?> types)) {
        return NONE;
      }
      return new Denial(
          types.contains("Ingress") && isEmpty(spec.get("ingress")),
          types.contains("Egress") && isEmpty(spec.get("egress")));
    }

    Denial or(Denial other) {
      return new Denial(ingress || other.ingress, egress || other.egress);
    }
  }
}
