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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every Deployment or StatefulSet that runs more than one replica (by {@code spec.replicas} or by the
 * {@code minReplicas} of its HorizontalPodAutoscaler) has a PodDisruptionBudget selecting its pods. Replica
 * counts are usually patched per overlay, so the rule reads each rendered overlay as well as the files as
 * written, and reports each workload once, at its source file, naming the overlays.
 */
public final class K8sReplicatedWorkloadsHaveDisruptionBudgets implements Rule {

  /** The replica count of the files as written, dropped where a rendered overlay gives the real ones. */
  private static final String AS_WRITTEN = "as written: ";

  static final RuleInfo INFO = new RuleInfo("k8s-pdb-for-replicas",
      "Workloads with more than one replica have a PodDisruptionBudget", Severity.LOW, Target.K8S,
      "A node drain or upgrade evicts pods without regard to the service; replicas are there to keep it up, and"
          + " only a PodDisruptionBudget makes the eviction API wait until enough of them are ready elsewhere.",
      "Add a PodDisruptionBudget (maxUnavailable: 1, or minAvailable) whose selector matches the workload's pod"
          + " labels, in the same namespace and the same overlays.",
      List.of("kube-score deployment-has-poddisruptionbudget", "kube-score statefulset-has-poddisruptionbudget",
          "Polaris missingPodDisruptionBudget"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    Map<String, Gap> gaps = new LinkedHashMap<>();
    for (Unprotected workload : unprotected(platform.kubernetes())) {
      gaps.computeIfAbsent(key(workload.object()), k -> new Gap(workload.object(), new ArrayList<>()))
          .counts().add(AS_WRITTEN + workload.replicas());
    }
    platform.overlays().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(overlay -> {
      for (Unprotected workload : unprotected(overlay.getValue())) {
        LoadedObject source = platform.kubernetes()
            .find(workload.object().kind(), workload.object().namespace(), workload.object().name()).stream()
            .findFirst().orElse(workload.object());
        gaps.computeIfAbsent(key(source), k -> new Gap(source, new ArrayList<>()))
            .counts().add("overlay " + overlay.getKey() + ": " + workload.replicas());
      }
    });
    List<Finding> findings = new ArrayList<>();
    for (Gap gap : gaps.values()) {
      if (gap.counts().stream().anyMatch(count -> count.startsWith("overlay "))) {
        gap.counts().removeIf(count -> count.startsWith(AS_WRITTEN));
      }
      String object = gap.object().describe();
      findings.add(Finding.of(INFO, gap.object().file(), gap.object().lineOf("spec.replicas"), object,
          object + " runs more than one replica (" + String.join(", ", gap.counts())
              + ") but no PodDisruptionBudget selects its pods"));
    }
    return findings;
  }

  private static List<Unprotected> unprotected(KubernetesView view) {
    List<Unprotected> found = new ArrayList<>();
    for (LoadedObject workload : view.ofKinds("Deployment", "StatefulSet")) {
      long replicas = replicas(view, workload);
      Optional<Map<?, ?>> labels = podLabels(workload);
      if (replicas > 1 && labels.isPresent() && !isCovered(view, workload, labels.get())) {
        found.add(new Unprotected(workload, replicas));
      }
    }
    return found;
  }

  /** The most replicas the workload is sure to run: its spec.replicas, or its autoscaler's minReplicas. */
  private static long replicas(KubernetesView view, LoadedObject workload) {
    long replicas = number(field(workload.object().raw(), "spec", "replicas")).orElse(1L);
    for (LoadedObject autoscaler : view.ofKind("HorizontalPodAutoscaler")) {
      Object target = field(autoscaler.object().raw(), "spec", "scaleTargetRef");
      if (autoscaler.namespace().equals(workload.namespace()) && target instanceof Map<?, ?> ref
          && workload.kind().equals(ref.get("kind")) && workload.name().equals(ref.get("name"))) {
        replicas = Math.max(replicas, number(field(autoscaler.object().raw(), "spec", "minReplicas")).orElse(1L));
      }
    }
    return replicas;
  }

  private static Optional<Map<?, ?>> podLabels(LoadedObject workload) {
    return field(workload.object().raw(), "spec", "template", "metadata", "labels") instanceof Map<?, ?> labels
        ? Optional.of(labels) : Optional.empty();
  }

  /** Whether a budget in the namespace selects the pods; a selector we cannot evaluate counts as selecting. */
  private static boolean isCovered(KubernetesView view, LoadedObject workload, Map<?, ?> labels) {
    for (LoadedObject budget : view.ofKind("PodDisruptionBudget")) {
      if (!budget.namespace().equals(workload.namespace())
          || !(field(budget.object().raw(), "spec", "selector") instanceof Map<?, ?> selector)) {
        continue;
      }
      if (selector.get("matchExpressions") != null) {
        return true;
      }
      if (selector.get("matchLabels") instanceof Map<?, ?> matchLabels && !matchLabels.isEmpty()
          && matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        return true;
      }
    }
    return false;
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
