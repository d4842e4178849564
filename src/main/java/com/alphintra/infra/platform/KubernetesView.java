package com.alphintra.infra.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of Kubernetes and Istio objects, indexed once by kind, by kind/namespace/name and by label
 * so that rules that relate objects (a VirtualService and its Service) stay linear; workloads
 * (Deployment, StatefulSet, DaemonSet) also by the labels of their pod template and by their
 * ServiceAccount, and hosts by the ServiceEntries that declare them.
 */
public final class KubernetesView {

  /** The kinds whose pod template the workload indexes read. */
  public static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet");

  private final List<LoadedObject> objects;
  private final Map<String, List<LoadedObject>> byKind = new HashMap<>();
  private final Map<String, List<LoadedObject>> byName = new HashMap<>();
  private final Map<String, List<LoadedObject>> byLabel = new HashMap<>();
  private final List<LoadedObject> workloads = new ArrayList<>();
  private final Map<String, List<LoadedObject>> workloadsByPodLabel = new HashMap<>();
  private final Map<String, List<LoadedObject>> workloadsByNamespace = new HashMap<>();
  private final Map<String, List<LoadedObject>> workloadsByServiceAccount = new HashMap<>();
  private final Map<String, List<LoadedObject>> serviceEntriesByHost = new HashMap<>();
  private final List<IstioGatewayValues> istioGatewayValues;
  private final boolean complete;

  public KubernetesView(List<LoadedObject> objects) {
    this(objects, List.of(), true);
  }

  /**
   * A view that also knows the ingress gateways the Istio Helm values install.
   *
   * @param complete false when only part of the Kubernetes files was loaded (a subfolder of
   *     infra/kubernetes), so a reference that does not resolve may point outside the view
   */
  public KubernetesView(
      List<LoadedObject> objects, List<IstioGatewayValues> istioGatewayValues, boolean complete) {
    this.objects = List.copyOf(objects);
    this.istioGatewayValues = List.copyOf(istioGatewayValues);
    this.complete = complete;
    for (LoadedObject object : this.objects) {
      byKind.computeIfAbsent(object.kind(), kind -> new ArrayList<>()).add(object);
      byName
          .computeIfAbsent(
              nameKey(object.kind(), object.namespace(), object.name()), key -> new ArrayList<>())
          .add(object);
      object
          .object()
          .labels()
          .forEach(
              (key, value) ->
                  byLabel
                      .computeIfAbsent(key + "=" + value, label -> new ArrayList<>())
                      .add(object));
      if (WORKLOAD_KINDS.contains(object.kind()) && object.namespace().isPresent()) {
        indexWorkload(object, object.namespace().get());
      } else if (object.kind().equals("ServiceEntry")
          && spec(object).get("hosts") instanceof List<?> hosts) {
        for (Object host : hosts) {
          if (host instanceof String text) {
            serviceEntriesByHost.computeIfAbsent(text, h -> new ArrayList<>()).add(object);
          }
        }
      }
    }
  }

  private void indexWorkload(LoadedObject workload, String namespace) {
    workloads.add(workload);
    workloadsByNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(workload);
    podLabels(workload)
        .forEach(
            (key, value) ->
                workloadsByPodLabel
                    .computeIfAbsent(
                        namespace + "/" + key + "=" + value, label -> new ArrayList<>())
                    .add(workload));
    Map<?, ?> pod = podSpec(workload);
    String account =
        pod.get("serviceAccountName") instanceof String name
            ? name
            : pod.get("serviceAccount") instanceof String name ? name : "default";
    workloadsByServiceAccount
        .computeIfAbsent(namespace + "/" + account, a -> new ArrayList<>())
        .add(workload);
  }

  public static KubernetesView empty() {
    return new KubernetesView(List.of());
  }

  /** Whether every Kubernetes file was loaded, so that references resolve within the view. */
  public boolean isComplete() {
    return complete;
  }

  /** Every object, in load order. */
  public List<LoadedObject> objects() {
    return objects;
  }

  /** Every object of {@code kind} ({@code Deployment}, {@code VirtualService}), in load order. */
  public List<LoadedObject> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The objects of the given kinds, in the order of the kinds. */
  public List<LoadedObject> ofKinds(String... kinds) {
    List<LoadedObject> found = new ArrayList<>();
    for (String kind : kinds) {
      found.addAll(ofKind(kind));
    }
    return found;
  }

  /** The objects with this kind, namespace (empty: none written) and name. */
  public List<LoadedObject> find(String kind, Optional<String> namespace, String name) {
    return byName.getOrDefault(nameKey(kind, namespace, name), List.of());
  }

  /** The objects whose {@code metadata.labels} have {@code key: value}. */
  public List<LoadedObject> withLabel(String key, String value) {
    return byLabel.getOrDefault(key + "=" + value, List.of());
  }

  /**
   * Whether an object of {@code kind} named {@code name} is in {@code namespace} (empty:
   * cluster-scoped).
   */
  public boolean has(String kind, Optional<String> namespace, String name) {
    return byName.containsKey(nameKey(kind, namespace, name));
  }

  /** The Deployments, StatefulSets and DaemonSets that have a namespace, in load order. */
  public List<LoadedObject> workloads() {
    return workloads;
  }

  /** The namespaces that hold a workload. */
  public java.util.Set<String> workloadNamespaces() {
    return java.util.Collections.unmodifiableSet(workloadsByNamespace.keySet());
  }

  /** The workloads of {@code namespace}. */
  public List<LoadedObject> workloadsIn(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  /**
   * The workloads of {@code namespace} whose pod template carries every label of {@code selector};
   * every workload of the namespace for an empty selector. Looks up the first label, then filters.
   */
  public List<LoadedObject> workloadsSelectedBy(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return workloadsIn(namespace);
    }
    Map.Entry<String, String> first = selector.entrySet().iterator().next();
    List<LoadedObject> candidates =
        workloadsByPodLabel.getOrDefault(
            namespace + "/" + first.getKey() + "=" + first.getValue(), List.of());
    if (selector.size() == 1) {
      return candidates;
    }
    List<LoadedObject> selected = new ArrayList<>();
    for (LoadedObject candidate : candidates) {
      if (podLabels(candidate).entrySet().containsAll(selector.entrySet())) {
        selected.add(candidate);
      }
    }
    return selected;
  }

  /**
   * The workloads of {@code namespace} that {@code selector} selects: looked up by its matchLabels,
   * else by the values of an {@code In} expression, else among the namespace's workloads, then
   * filtered.
   */
  public List<LoadedObject> workloadsSelectedBy(String namespace, LabelSelector selector) {
    if (selector.expressions().isEmpty()) {
      return workloadsSelectedBy(namespace, selector.matchLabels());
    }
    List<LoadedObject> candidates;
    Optional<LabelSelector.Expression> in =
        selector.expressions().stream()
            .filter(expression -> expression.operator().equals("In"))
            .findFirst();
    if (!selector.matchLabels().isEmpty()) {
      candidates = workloadsSelectedBy(namespace, selector.matchLabels());
    } else if (in.isPresent()) {
      candidates = new ArrayList<>();
      for (String value : in.get().values()) {
        candidates.addAll(workloadsSelectedBy(namespace, Map.of(in.get().key(), value)));
      }
    } else {
      candidates = workloadsIn(namespace);
    }
    List<LoadedObject> selected = new ArrayList<>();
    for (LoadedObject candidate : candidates) {
      if (selector.matches(podLabels(candidate))) {
        selected.add(candidate);
      }
    }
    return selected;
  }

  /**
   * The workloads of {@code namespace} that run as ServiceAccount {@code name} ({@code default}
   * when unset).
   */
  public List<LoadedObject> workloadsRunningAs(String namespace, String name) {
    return workloadsByServiceAccount.getOrDefault(namespace + "/" + name, List.of());
  }

  /** The ServiceEntries that list {@code host} in {@code spec.hosts}, as written. */
  public List<LoadedObject> serviceEntriesFor(String host) {
    return serviceEntriesByHost.getOrDefault(host, List.of());
  }

  /** Every host some ServiceEntry declares, for wildcard hosts such as {@code *.example.com}. */
  public java.util.Set<String> serviceEntryHosts() {
    return java.util.Collections.unmodifiableSet(serviceEntriesByHost.keySet());
  }

  /** The ingress gateways the Istio Helm values install (they are not objects of the view). */
  public List<IstioGatewayValues> istioGatewayValues() {
    return istioGatewayValues;
  }

  /**
   * The labels of a workload's pod template ({@code spec.template.metadata.labels}) whose values
   * are text.
   */
  public static Map<String, String> podLabels(LoadedObject workload) {
    Object node = workload.object().raw().get("spec");
    for (String key : List.of("template", "metadata", "labels")) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (!(node instanceof Map<?, ?> labels)) {
      return Map.of();
    }
    Map<String, String> text = new java.util.LinkedHashMap<>();
    labels.forEach(
        (key, value) -> {
          if (key instanceof String name && value instanceof String label) {
            text.put(name, label);
          }
        });
    return text;
  }

  /** A workload's pod spec ({@code spec.template.spec}); empty when absent. */
  public static Map<?, ?> podSpec(LoadedObject workload) {
    return spec(workload).get("template") instanceof Map<?, ?> template
            && template.get("spec") instanceof Map<?, ?> pod
        ? pod
        : Map.of();
  }

  private static Map<?, ?> spec(LoadedObject object) {
    return object.object().raw().get("spec") instanceof Map<?, ?> spec ? spec : Map.of();
  }

  private static String nameKey(String kind, Optional<String> namespace, String name) {
    return kind + "/" + namespace.orElse("") + "/" + name;
  }
}
