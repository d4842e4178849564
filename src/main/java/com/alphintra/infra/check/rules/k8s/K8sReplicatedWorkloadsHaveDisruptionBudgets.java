package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.check.rules.refs.Undoings;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
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
 * pods. Replica counts and budgets are usually patched per overlay, so the rule judges what each
 * overlay deploys (its Helm releases' objects included) and reports at the line that removes or
 * changes a budget the files give the workload when an overlay does, else at the line that sets the
 * replica count, naming the overlays.
 */
public final class K8sReplicatedWorkloadsHaveDisruptionBudgets implements Rule {

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
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.deployedSets()) {
      for (Unprotected gap : unprotected(set.view())) {
        LoadedObject workload = gap.workload();
        Map<String, String> labels = KubernetesView.podLabels(workload);
        Map<String, String> writtenLabels = gap.writtenLabels(platform);
        List<LoadedObject> budgets =
            platform.kubernetes().ofKind("PodDisruptionBudget").stream()
                .filter(
                    budget ->
                        budget.namespace().isEmpty()
                            || budget.namespace().equals(workload.namespace()))
                .filter(budget -> selects(budget, labels, writtenLabels))
                .toList();
        Optional<SourceLocation> undone =
            Undoings.of(
                    platform,
                    set,
                    budgets,
                    budget -> selects(budget, labels, Map.of()),
                    "spec.selector")
                .or(() -> platform.changeOf(workload, "spec.template.metadata.labels"));
        String object = workload.describe();
        findings.add(
            set,
            workload,
            object,
            undone.orElseGet(() -> platform.locate(gap.counted(), gap.countPath())),
            object
                + " runs "
                + (undone.isPresent() ? "more than one replica" : gap.replicas() + " replicas")
                + " but no PodDisruptionBudget selects its pods");
      }
    }
    return findings.list();
  }

  /**
   * Whether a budget's {@code matchLabels} select pods labelled {@code labels} or {@code
   * alsoLabels}; a selector with expressions counts as selecting.
   */
  private static boolean selects(
      LoadedObject budget, Map<String, String> labels, Map<String, String> alsoLabels) {
    if (!(field(budget.object().raw(), "spec", "selector") instanceof Map<?, ?> selector)) {
      return false;
    }
    if (selector.get("matchExpressions") != null) {
      return true;
    }
    if (!(selector.get("matchLabels") instanceof Map<?, ?> matchLabels) || matchLabels.isEmpty()) {
      return false;
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    matchLabels.forEach((key, value) -> wanted.put(String.valueOf(key), String.valueOf(value)));
    return labels.entrySet().containsAll(wanted.entrySet())
        || alsoLabels.entrySet().containsAll(wanted.entrySet());
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
    Map<String, LoadedObject> autoscalers = new HashMap<>();
    for (LoadedObject autoscaler : view.ofKind("HorizontalPodAutoscaler")) {
      if (field(autoscaler.object().raw(), "spec", "scaleTargetRef") instanceof Map<?, ?> ref) {
        autoscalers.merge(
            autoscaler.namespace() + "/" + ref.get("kind") + "/" + ref.get("name"),
            autoscaler,
            (one, other) -> minimum(one) >= minimum(other) ? one : other);
      }
    }
    List<Unprotected> found = new ArrayList<>();
    for (LoadedObject workload : view.ofKinds("Deployment", "StatefulSet")) {
      long replicas = number(field(workload.object().raw(), "spec", "replicas")).orElse(1L);
      LoadedObject autoscaler =
          autoscalers.get(workload.namespace() + "/" + workload.kind() + "/" + workload.name());
      boolean autoscaled = autoscaler != null && minimum(autoscaler) > replicas;
      boolean hasPodLabels =
          field(workload.object().raw(), "spec", "template", "metadata", "labels") instanceof Map;
      long count = autoscaled ? minimum(autoscaler) : replicas;
      if (count > 1
          && hasPodLabels
          && !covered.contains(workload)
          && !coveredNamespaces.contains(workload.namespace())) {
        found.add(
            autoscaled
                ? new Unprotected(workload, count, autoscaler, "spec.minReplicas")
                : new Unprotected(workload, count, workload, "spec.replicas"));
      }
    }
    return found;
  }

  private static long minimum(LoadedObject autoscaler) {
    return number(field(autoscaler.object().raw(), "spec", "minReplicas")).orElse(1L);
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

  /**
   * A replicated workload without a budget.
   *
   * @param counted the object that sets the replica count: the workload, or its autoscaler
   * @param countPath the field of {@code counted} that sets it
   */
  private record Unprotected(
      LoadedObject workload, long replicas, LoadedObject counted, String countPath) {

    /** The pod labels of the workload as its file writes them, for a rendered workload. */
    Map<String, String> writtenLabels(Platform platform) {
      return platform
          .kubernetes()
          .find(workload.kind(), workload.namespace(), workload.name())
          .stream()
          .findFirst()
          .map(KubernetesView::podLabels)
          .orElse(Map.of());
    }
  }
}
