package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces our applications run in, decided from the objects: a Namespace labelled for
 * sidecar injection ({@code istio-injection: enabled} or {@code istio.io/rev}), or one that holds a
 * workload of ours (every workload written in {@code infra/} is ours; a workload a Helm chart
 * renders is not, and makes no namespace an application namespace).
 */
final class ApplicationNamespaces {

  static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

  /**
   * One application namespace.
   *
   * @param name the namespace
   * @param definition its Namespace object, when the files define it
   * @param firstWorkload the first workload in it, when it holds any
   */
  record ApplicationNamespace(
      String name, Optional<LoadedObject> definition, Optional<LoadedObject> firstWorkload) {

    /**
     * The object and field a finding about the namespace points at: its definition, else its first
     * workload.
     */
    LoadedObject anchor() {
      return definition.or(() -> firstWorkload).orElseThrow();
    }

    String anchorPath() {
      return definition.isPresent() ? "metadata.name" : "metadata.namespace";
    }
  }

  private ApplicationNamespaces() {}

  /** The application namespaces of the view, in the order they are first seen. */
  static List<ApplicationNamespace> of(KubernetesView view) {
    Map<String, LoadedObject> definitions = new LinkedHashMap<>();
    for (LoadedObject namespace : view.ofKind("Namespace")) {
      definitions.putIfAbsent(namespace.name(), namespace);
    }
    Map<String, LoadedObject> workloads = new LinkedHashMap<>();
    for (LoadedObject workload : view.ofKinds(WORKLOAD_KINDS.toArray(String[]::new))) {
      if (workload.helm().isEmpty()) {
        workload.namespace().ifPresent(namespace -> workloads.putIfAbsent(namespace, workload));
      }
    }
    Map<String, ApplicationNamespace> found = new LinkedHashMap<>();
    definitions.forEach(
        (name, namespace) -> {
          if (isLabelledForInjection(namespace) || workloads.containsKey(name)) {
            found.put(
                name,
                new ApplicationNamespace(
                    name, Optional.of(namespace), Optional.ofNullable(workloads.get(name))));
          }
        });
    workloads.forEach(
        (name, workload) ->
            found.putIfAbsent(
                name, new ApplicationNamespace(name, Optional.empty(), Optional.of(workload))));
    return List.copyOf(found.values());
  }

  /** Whether a Namespace asks for sidecar injection. */
  static boolean isLabelledForInjection(LoadedObject namespace) {
    Map<String, String> labels = namespace.object().labels();
    return "enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev");
  }
}
