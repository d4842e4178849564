package com.alphintra.infra.check.rules.k8s;

import java.util.Map;
import java.util.Optional;

/**
 * One container of a {@link PodTemplate}.
 *
 * @param pod the pod it belongs to
 * @param path its field path ({@code spec.template.spec.containers[0]})
 * @param fields its fields
 */
public record Container(PodTemplate pod, String path, Map<?, ?> fields) {

  public String name() {
    return fields.get("name") instanceof String name ? name : "<unnamed>";
  }

  /** A field of the container's own {@code securityContext}, when present. */
  public Optional<Object> securityContext(String field) {
    return fields.get("securityContext") instanceof Map<?, ?> context
        ? Optional.ofNullable(context.get(field))
        : Optional.empty();
  }

  /** Whether it is an init container, which runs to completion before the others start. */
  public boolean isInit() {
    return path.substring(pod.path().length()).startsWith(".initContainers[");
  }

  /** A field of the container, when present ({@code resources}, {@code livenessProbe}). */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** A security setting as it applies: the container's own, else the pod's. */
  public Optional<Object> effectiveSecurityContext(String field) {
    return securityContext(field).or(() -> pod.podSecurityContext(field));
  }

  /**
   * The tightest line for a finding about {@code relative} (such as {@code
   * securityContext.runAsNonRoot}).
   */
  public int lineOf(String relative) {
    return pod.object().lineOf(path + "." + relative);
  }

  /** The full path of {@code relative} ({@code securityContext.runAsNonRoot}) in the object. */
  public String pathOf(String relative) {
    return path + "." + relative;
  }

  /** {@code Deployment alphintra/api container "api"}: how a message names the container. */
  public String describe() {
    return pod.object().describe() + " container \"" + name() + "\"";
  }
}
