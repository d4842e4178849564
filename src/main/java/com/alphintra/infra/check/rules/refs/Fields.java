package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.platform.LoadedObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the generic tree of an object: maps, lists, text and label selectors, null-safe. */
public final class Fields {

  private Fields() {}

  public static Map<?, ?> spec(LoadedObject object) {
    return map(object.object().raw().get("spec"));
  }

  public static Map<?, ?> map(Object node) {
    return node instanceof Map<?, ?> map ? map : Map.of();
  }

  public static List<?> list(Object node) {
    return node instanceof List<?> list ? list : List.of();
  }

  public static Optional<String> text(Object node) {
    return node instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /**
   * A map of text to text ({@code labels}, a Service's {@code selector}); empty when any value is
   * not text.
   */
  public static Optional<Map<String, String>> labels(Object node) {
    if (node == null) {
      return Optional.of(Map.of());
    }
    if (!(node instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        return Optional.empty();
      }
      if (entry.getValue() instanceof String value) {
        labels.put(key, value);
      } else if (entry.getValue() instanceof Number || entry.getValue() instanceof Boolean) {
        labels.put(key, String.valueOf(entry.getValue()));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(labels);
  }

  /** {@code key: value, key: value}, as a message shows a selector. */
  public static String show(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue())
        .reduce((a, b) -> a + ", " + b)
        .map(text -> "{" + text + "}")
        .orElse("{}");
  }
}
