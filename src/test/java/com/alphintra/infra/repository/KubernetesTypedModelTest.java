package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every Kubernetes, Istio and Prometheus-operator object we ship deserializes into fabric8's typed
 * model with no unknown field and no type error: the rendered overlays and every loose YAML file
 * under infra/kubernetes except Helm values, kustomization files, JSON patches and the k3d folder.
 */
class KubernetesTypedModelTest {

  static final List<String> OVERLAYS = InfraTree.OVERLAYS;
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void looseFilesAreTypedObjectsWithoutUnknownFields() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : InfraTree.yamlFiles()) {
      if (!isKubernetesObjectFile(file)) {
        continue;
      }
      String where = InfraTree.repositoryRoot().relativize(file).toString();
      for (Object doc : InfraTree.documents(file)) {
        if (doc instanceof Map<?, ?> && InfraTree.at(doc, "kind").isPresent()) {
          problems.addAll(check(where, doc));
          checked++;
        }
      }
    }
    assertThat(checked).as("objects checked").isGreaterThan(150);
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "rendered overlays/{0} is typed")
  @FieldSource("OVERLAYS")
  void renderedOverlayIsTypedWithoutUnknownFields(String overlay) throws Exception {
    assumeTrue(InfraTree.hasKubectl(), "kubectl is not on the PATH: cannot render the overlays");
    InfraTree.Rendered rendered = InfraTree.render(overlay);
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();

    List<String> problems = new ArrayList<>();
    for (Object doc : InfraTree.documents(rendered.yaml())) {
      problems.addAll(check("overlays/" + overlay + " (rendered)", doc));
    }
    assertThat(problems).isEmpty();
  }

  private static boolean isKubernetesObjectFile(Path file) {
    String rel = InfraTree.kubernetesDir().relativize(file).toString().replace('\\', '/');
    return !rel.startsWith("local-k3d/")
        && !rel.contains("/helm/")
        && !file.getFileName().toString().equals("kustomization.yaml");
  }

  /**
   * The operators' kinds (External Secrets, cert-manager) have no fabric8 model; their CRDs, which
   * the operators' charts install, validate them on apply.
   */
  private static final List<String> UNTYPED_GROUPS =
      List.of("external-secrets.io/", "cert-manager.io/");

  private static List<String> check(String where, Object doc) {
    String apiVersion = InfraTree.at(doc, "apiVersion").map(Object::toString).orElse("");
    if (UNTYPED_GROUPS.stream().anyMatch(apiVersion::startsWith)) {
      return List.of();
    }
    String kind = InfraTree.at(doc, "kind").map(Object::toString).orElse("?");
    String name = InfraTree.at(doc, "metadata", "name").map(Object::toString).orElse("?");
    String id = where + " " + kind + "/" + name;
    KubernetesResource typed;
    try {
      typed = SERIALIZATION.convertValue(doc, KubernetesResource.class);
    } catch (RuntimeException e) {
      return List.of(id + ": does not deserialize: " + e.getMessage());
    }
    if (typed == null || typed instanceof GenericKubernetesResource) {
      return List.of(
          id
              + ": apiVersion/kind "
              + InfraTree.at(doc, "apiVersion").orElse("?")
              + "/"
              + kind
              + " has no typed model on the classpath");
    }
    List<String> problems = new ArrayList<>();
    walk(typed, "", problems, new IdentityHashMap<>());
    return problems.stream().map(p -> id + ": unknown field " + p).toList();
  }

  /**
   * Collects the path of every non-empty additionalProperties map (a field the model does not
   * know).
   */
  private static void walk(
      Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
    if (node == null
        || node instanceof String
        || node instanceof Number
        || node instanceof Boolean
        || node instanceof Enum<?>
        || node.getClass().isPrimitive()
        || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
      return;
    }
    if (node instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        walk(item, path + "[" + i++ + "]", problems, seen);
      }
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : getters(node.getClass())) {
      Object value;
      try {
        value = getter.invoke(node);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra
              .keySet()
              .forEach(k -> problems.add((path.isEmpty() ? "" : path.substring(1) + ".") + k));
        }
      } else {
        walk(value, path + "." + property(getter), problems, seen);
      }
    }
  }

  private static List<Method> getters(Class<?> type) {
    return Stream.of(type.getMethods())
        .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getName().startsWith("get") && !m.getName().equals("getClass"))
        .filter(
            m ->
                !Set.of(
                        "getApiVersion",
                        "getKind",
                        "getPlural",
                        "getSingular",
                        "getCRDName",
                        "getGroup",
                        "getVersion",
                        "getScope",
                        "getFullResourceName")
                    .contains(m.getName()))
        .toList();
  }

  private static String property(Method getter) {
    String n = getter.getName().substring(3);
    return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
