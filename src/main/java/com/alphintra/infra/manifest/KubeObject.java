package com.alphintra.infra.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes object read from YAML: its document (generic tree and positions), its typed fabric8
 * model when there is one, and the problems found while typing it.
 *
 * @param document the document the object was read from
 * @param typed the fabric8 model: the registered class for its {@code apiVersion} and {@code kind}
 *     ({@code Deployment}, {@code VirtualService}, ...), a {@code GenericKubernetesResource} for a
 *     kind without a model, or empty when a value of the wrong type made typing impossible
 * @param problems unknown fields, wrong types and unknown kinds, each with the field's position
 */
public record KubeObject(
    ManifestDocument document, Optional<HasMetadata> typed, List<ManifestProblem> problems) {

  /**
   * The annotation kustomize writes (with {@code buildMetadata: [originAnnotations]}) to name an
   * object's source.
   */
  public static final String ORIGIN_ANNOTATION = "config.kubernetes.io/origin";

  public KubeObject {
    Objects.requireNonNull(document, "document");
    if (document.rootMap().isEmpty()) {
      throw new IllegalArgumentException("a Kubernetes object is a mapping: " + document);
    }
    Objects.requireNonNull(typed, "typed");
    problems = List.copyOf(problems);
  }

  /** The generic tree, for rules that walk fields. */
  public Map<String, Object> raw() {
    return document.rootMap().orElseThrow();
  }

  public Origin origin() {
    return document.origin();
  }

  /** Where the object starts in its text. */
  public Position start() {
    return document.start();
  }

  public String apiVersion() {
    return text(raw().get("apiVersion")).orElse("");
  }

  public String kind() {
    return text(raw().get("kind")).orElse("");
  }

  /** {@code metadata.name}; absent for an object that uses {@code generateName} or is malformed. */
  public Optional<String> name() {
    return text(metadata().get("name"));
  }

  /**
   * {@code metadata.namespace}; absent when the object leaves it to the context (or is
   * cluster-scoped).
   */
  public Optional<String> namespace() {
    return text(metadata().get("namespace"));
  }

  /** {@code metadata.labels} whose values are text (others are reported as wrong types). */
  public Map<String, String> labels() {
    return textEntries(metadata().get("labels"));
  }

  /** {@code metadata.annotations} whose values are text. */
  public Map<String, String> annotations() {
    return textEntries(metadata().get("annotations"));
  }

  /**
   * The file kustomize says the object came from ({@code path:} of the {@link #ORIGIN_ANNOTATION}),
   * relative to the kustomization; only for rendered overlays built with origin annotations.
   */
  public Optional<String> sourcePath() {
    return Optional.ofNullable(annotations().get(ORIGIN_ANNOTATION))
        .flatMap(
            origin ->
                origin
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("path:"))
                    .map(line -> line.substring("path:".length()).strip())
                    .filter(path -> !path.isEmpty())
                    .findFirst());
  }

  /** The typed model if it is a {@code type}, such as {@code typed(Deployment.class)}. */
  public <T extends HasMetadata> Optional<T> typed(Class<T> type) {
    return typed.filter(type::isInstance).map(type::cast);
  }

  /** Where the field at {@code path} is; see {@link ManifestDocument#positionOf(FieldPath)}. */
  public Optional<Position> positionOf(FieldPath path) {
    return document.positionOf(path);
  }

  /**
   * Where the field at {@code path} is, e.g. {@code
   * spec.template.spec.containers[0].securityContext}.
   */
  public Optional<Position> positionOf(String path) {
    return document.positionOf(path);
  }

  /**
   * The field, or its nearest present ancestor; see {@link
   * ManifestDocument#nearestPositionOf(FieldPath)}.
   */
  public Position nearestPositionOf(FieldPath path) {
    return document.nearestPositionOf(path);
  }

  /** Whether any problem makes the object invalid. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(ManifestProblem::isError);
  }

  private Map<?, ?> metadata() {
    return raw().get("metadata") instanceof Map<?, ?> metadata ? metadata : Map.of();
  }

  private static Optional<String> text(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private static Map<String, String> textEntries(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Map.of();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    map.forEach(
        (key, entry) -> {
          if (entry instanceof String text) {
            entries.put((String) key, text);
          }
        });
    return Collections.unmodifiableMap(entries);
  }

  @Override
  public String toString() {
    return kind()
        + " "
        + namespace().map(ns -> ns + "/").orElse("")
        + name().orElse("<unnamed>")
        + " ("
        + document.origin().label()
        + ":"
        + start().line()
        + ")";
  }
}
