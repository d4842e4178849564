package com.alphintra.infra.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of Kubernetes and Istio objects, indexed once by kind, by kind/namespace/name and by label so that
 * rules that relate objects (a VirtualService and its Service) stay linear.
 */
public final class KubernetesView {

  private final List<LoadedObject> objects;
  private final Map<String, List<LoadedObject>> byKind = new HashMap<>();
  private final Map<String, List<LoadedObject>> byName = new HashMap<>();
  private final Map<String, List<LoadedObject>> byLabel = new HashMap<>();

  public KubernetesView(List<LoadedObject> objects) {
    this.objects = List.copyOf(objects);
    for (LoadedObject object : this.objects) {
      byKind.computeIfAbsent(object.kind(), kind -> new ArrayList<>()).add(object);
      byName.computeIfAbsent(nameKey(object.kind(), object.namespace(), object.name()), key -> new ArrayList<>())
          .add(object);
      object.object().labels().forEach((key, value) ->
          byLabel.computeIfAbsent(key + "=" + value, label -> new ArrayList<>()).add(object));
    }
  }

  public static KubernetesView empty() {
    return new KubernetesView(List.of());
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

  private static String nameKey(String kind, Optional<String> namespace, String name) {
    return kind + "/" + namespace.orElse("") + "/" + name;
  }
}
