package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Deployment or StatefulSet that runs more than one replica (by {@code spec.replicas} or by
 * the {@code minReplicas} of its HorizontalPodAutoscaler) has a PodDisruptionBudget selecting its
 * pods. Replica counts are usually patched per overlay, so the rule reads each rendered overlay as
 * well as the files as written, and reports each workload once, at its source file, naming the
 * overlays.
 */
public final class K8sReplicatedWorkloadsHaveDisruptionBudgets implements Rule {

  /**
   * The replica count of the files as written, dropped where a rendered overlay gives the real
   * ones.
   */
  private static final String AS_WRITTEN = "as written: ";

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-pdb-for-replicas",
          "Workloads with more than one replica have a PodDisruptionBudget",
          Severity.LOW,
          Target.K8S,
          "A node drain or upgrade evicts pods without regard to the service; replicas are there to keep it up, and"
              + " only a PodDisruptionBudget makes the eviction API wait until enough of them are ready elsewhere.",
          "Add a PodDisruptionBudget (maxUnavailable: 1, or minAvailable) whose selector matches the workload's pod"
              + " labels, in the same namespace and the same overlays.",
          List.of(
              "kube-score deployment-has-poddisruptionbudget",
              "kube-score statefulset-has-poddisruptionbudget",
              "Polaris missingPodDisruptionBudget"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    Map<String, Gap> gaps = new LinkedHashMap<>();
    for (Unprotected workload : unprotected(platform.kubernetes())) {
      gaps.computeIfAbsent(
              key(workload.object()), k -> new Gap(workload.object(), new ArrayList<>()))
          .counts()
          .add(AS_WRITTEN + workload.replicas());
    }
    platform.overlays().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            overlay -> {
              for (Unprotected workload : unprotected(overlay.getValue())) {
                LoadedObject source =
                    platform
                        .kubernetes()
                        .find(
                            workload.object().kind(),
                            workload.object().namespace(),
                            workload.object().name())
                        .stream()
                        .findFirst()
                        .orElse(workload.object());
                gaps.computeIfAbsent(key(source), k -> new Gap(source, new ArrayList<>()))
                    .counts()
                    .add("overlay " + overlay.getKey() + ": " + workload.replicas());
              }
            });
    List<Finding> findings = new ArrayList<>();
    for (Gap gap : gaps.values()) {
      if (gap.counts().stream().anyMatch(count -> count.startsWith("overlay "))) {
        gap.counts().removeIf(count -> count.startsWith(AS_WRITTEN));
      }
      String object = gap.object().describe();
      findings.add(
          Finding.of(
              INFO,
              gap.object().file(),
              gap.object().lineOf("spec.replicas"),
              object,
              object
                  + " runs more than one replica ("
                  + String.join(", ", gap.counts())
                  + ") but no PodDisruptionBudget selects its pods"));
    }
    return findings;
  }

  /**
   * The replicated workloads no budget covers. Budgets and autoscalers are resolved once per view
   * through its label index, so the rule stays linear in the number of objects.
   */
  private static List<Unprotected> unprotected(KubernetesView view) {
    Set<LoadedObject> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Optional<String>> coveredNamespaces = new HashSet<>();
    for (LoadedObject budget : view.ofKind("PodDisruptionBudget")) {
      if (!(field(budget.object().raw(), "spec", "selector") instanceof Map<?, ?> selector)) {
        continue;
      }
      if (selector.get("matchExpressions") != null) {
        // A selector we cannot evaluate counts as selecting: the rule reports only what is
        // certainly missing.
        coveredNamespaces.add(budget.namespace());
      } else if (selector.get("matchLabels") instanceof Map<?, ?> matchLabels
          && !matchLabels.isEmpty()) {
        Map<String, String> labels = new LinkedHashMap<>();
        matchLabels.forEach((key, value) -> labels.put(String.valueOf(key), String.valueOf(value)));
        budget
            .namespace()
            .ifPresent(namespace -> covered.addAll(view.workloadsSelectedBy(namespace, labels)));
      }
    }
    Map<String, Long> autoscaledMinimums = new HashMap<>();
    for (LoadedObject autoscaler : view.ofKind("HorizontalPodAutoscaler")) {
      if (field(autoscaler.object().raw(), "spec", "scaleTargetRef") instanceof Map<?, ?> ref) {
        autoscaledMinimums.merge(
            autoscaler.namespace() + "/" + ref.get("kind") + "/" + ref.get("name"),
            number(field(autoscaler.object().raw(), "spec", "minReplicas")).orElse(1L),
            Math::max);
      }
    }
    List<Unprotected> found = new ArrayList<>();
    for (LoadedObject workload : view.ofKinds("Deployment", "StatefulSet")) {
      long replicas =
          Math.max(
              number(field(workload.object().raw(), "spec", "replicas")).orElse(1L),
              autoscaledMinimums.getOrDefault(
                  workload.namespace() + "/" + workload.kind() + "/" + workload.name(), 1L));
      boolean hasPodLabels =
          field(workload.object().raw(), "spec", "template", "metadata", "labels") instanceof Map;
      if (replicas > 1
          && hasPodLabels
          && !covered.contains(workload)
          && !coveredNamespaces.contains(workload.namespace())) {
        found.add(new Unprotected(workload, replicas));
      }
    }
    return found;
  }

  private static Object field(Object node, String... keys) {
    for (String key : keys) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return node;
  }

  private static Optional<Long> number(Object value) {
    return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
  }

  private static String key(LoadedObject object) {
    return object.file() + "#" + object.describe();
  }

  private record Unprotected(LoadedObject object, long replicas) {}

  private record Gap(LoadedObject object, List<String> counts) {}
}
