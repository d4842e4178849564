package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod spec of a workload object (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob) and the field path it sits at, for rules about pods and containers.
 *
 * @param object the workload
 * @param path the path of the pod spec ({@code spec.template.spec})
 * @param spec the pod spec's fields
 */
public record PodTemplate(LoadedObject object, String path, Map<?, ?> spec) {

  private static final Map<String, String> POD_SPEC_PATHS =
      Map.of(
          "Pod", "spec",
          "Deployment", "spec.template.spec",
          "StatefulSet", "spec.template.spec",
          "DaemonSet", "spec.template.spec",
          "ReplicaSet", "spec.template.spec",
          "Job", "spec.template.spec",
          "CronJob", "spec.jobTemplate.spec.template.spec");

  /** The pod templates of every workload in the view, in load order. */
  public static List<PodTemplate> all(KubernetesView view) {
    List<PodTemplate> templates = new ArrayList<>();
    for (LoadedObject object :
        view.ofKinds(
            "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob")) {
      of(object).ifPresent(templates::add);
    }
    return templates;
  }

  public static Optional<PodTemplate> of(LoadedObject object) {
    String path = POD_SPEC_PATHS.get(object.kind());
    if (path == null) {
      return Optional.empty();
    }
    Object node = object.object().raw();
    for (String key : path.split("\\.")) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return node instanceof Map<?, ?> spec
        ? Optional.of(new PodTemplate(object, path, spec))
        : Optional.empty();
  }

  /**
   * The containers and init containers, each with its path ({@code
   * spec.template.spec.containers[0]}).
   */
  public List<Container> containers() {
    List<Container> containers = new ArrayList<>();
    for (String list : List.of("initContainers", "containers")) {
      if (spec.get(list) instanceof List<?> items) {
        for (int index = 0; index < items.size(); index++) {
          if (items.get(index) instanceof Map<?, ?> fields) {
            containers.add(new Container(this, path + "." + list + "[" + index + "]", fields));
          }
        }
      }
    }
    return containers;
  }

  /** A field of the pod spec, when present ({@code hostNetwork}, {@code volumes}). */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(spec.get(name));
  }

  /**
   * The tightest line for a finding about the pod spec field at {@code relative} ({@code
   * volumes[0].hostPath}).
   */
  public int lineOf(String relative) {
    return object.lineOf(path + "." + relative);
  }

  /** The full path of {@code relative} ({@code volumes[0].hostPath}) in the object. */
  public String pathOf(String relative) {
    return path + "." + relative;
  }

  /**
   * Whether the pod runs until stopped (a Deployment, StatefulSet, DaemonSet, ReplicaSet, or a Pod
   * that restarts always) rather than to completion (a Job, a CronJob, a Pod with restartPolicy
   * Never or OnFailure).
   */
  public boolean isLongRunning() {
    return switch (object.kind()) {
      case "Job", "CronJob" -> false;
      case "Pod" ->
          !(spec.get("restartPolicy") instanceof String policy) || policy.equals("Always");
      default -> true;
    };
  }

  /**
   * The path of the pod's metadata ({@code spec.template.metadata}; {@code metadata} for a Pod).
   */
  public String metadataPath() {
    return path.substring(0, path.length() - "spec".length()) + "metadata";
  }

  /** The annotations of the workload and of its pod template, the pod template's winning. */
  public Map<String, String> annotations() {
    Map<String, String> annotations = new LinkedHashMap<>(object.object().annotations());
    Object node = object.object().raw();
    for (String key : metadataPath().split("\\.")) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (node instanceof Map<?, ?> metadata
        && metadata.get("annotations") instanceof Map<?, ?> podAnnotations) {
      podAnnotations.forEach(
          (key, value) -> {
            if (key instanceof String name && value instanceof String text) {
              annotations.put(name, text);
            }
          });
    }
    return annotations;
  }

  /** A field of the pod's {@code securityContext}, when present. */
  public Optional<Object> podSecurityContext(String field) {
    return spec.get("securityContext") instanceof Map<?, ?> context
        ? Optional.ofNullable(context.get(field))
        : Optional.empty();
  }
}
