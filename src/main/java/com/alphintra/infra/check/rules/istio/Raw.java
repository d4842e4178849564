package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.platform.LoadedObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading an object's generic tree without casts at every step: a missing or mistyped field is
 * empty.
 */
final class Raw {

  private Raw() {}

  /** The object's {@code spec}, or an empty map. */
  static Map<?, ?> spec(LoadedObject object) {
    return map(object.object().raw(), "spec");
  }

  /** The mapping at {@code key} of {@code node}, or an empty map. */
  static Map<?, ?> map(Object node, String key) {
    return node instanceof Map<?, ?> parent && parent.get(key) instanceof Map<?, ?> child
        ? child
        : Map.of();
  }

  /** The sequence at {@code key} of {@code node}, or an empty list. */
  static List<?> list(Object node, String key) {
    return node instanceof Map<?, ?> parent && parent.get(key) instanceof List<?> child
        ? child
        : List.of();
  }

  /** The text at {@code key} of {@code node}, when it is a string. */
  static Optional<String> text(Object node, String key) {
    return node instanceof Map<?, ?> parent && parent.get(key) instanceof String text
        ? Optional.of(text)
        : Optional.empty();
  }

  /** Whether {@code key} of {@code node} is present with any value. */
  static boolean has(Object node, String key) {
    return node instanceof Map<?, ?> parent && parent.get(key) != null;
  }
}
