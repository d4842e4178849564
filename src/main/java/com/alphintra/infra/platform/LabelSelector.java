package com.alphintra.infra.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions} with {@code In},
 * {@code NotIn}, {@code Exists}, {@code DoesNotExist}), read from an object's generic tree.
 *
 * @param matchLabels the labels every selected object carries
 * @param expressions the expressions every selected object satisfies
 */
public record LabelSelector(Map<String, String> matchLabels, List<Expression> expressions) {

  /**
   * One {@code matchExpressions} entry.
   *
   * @param key the label key
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
   * @param values the values of {@code In} and {@code NotIn}
   */
  public record Expression(String key, String operator, Set<String> values) {

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        default -> value == null;
      };
    }
  }

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    expressions = List.copyOf(expressions);
  }

  /**
   * The selector at a node ({@code spec.podSelector}); empty when it is malformed or uses an
   * operator this reader does not know, which keeps a rule silent.
   */
  public static Optional<LabelSelector> of(Object node) {
    if (node == null) {
      return Optional.of(new LabelSelector(Map.of(), List.of()));
    }
    if (!(node instanceof Map<?, ?> fields)) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (fields.get("matchLabels") instanceof Map<?, ?> written) {
      for (Map.Entry<?, ?> entry : written.entrySet()) {
        if (!(entry.getKey() instanceof String key)
            || !(entry.getValue() instanceof String value)) {
          return Optional.empty();
        }
        labels.put(key, value);
      }
    } else if (fields.get("matchLabels") != null) {
      return Optional.empty();
    }
    List<Expression> expressions = new ArrayList<>();
    if (fields.get("matchExpressions") instanceof List<?> written) {
      for (Object item : written) {
        if (!(item instanceof Map<?, ?> expression)
            || !(expression.get("key") instanceof String key)
            || !(expression.get("operator") instanceof String operator)
            || !List.of("In", "NotIn", "Exists", "DoesNotExist").contains(operator)) {
          return Optional.empty();
        }
        Set<String> values = new java.util.HashSet<>();
        if (expression.get("values") instanceof List<?> list) {
          list.forEach(value -> values.add(String.valueOf(value)));
        }
        expressions.add(new Expression(key, operator, values));
      }
    } else if (fields.get("matchExpressions") != null) {
      return Optional.empty();
    }
    return Optional.of(new LabelSelector(labels, expressions));
  }

  /** Whether it selects everything. */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && expressions.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    return labels.entrySet().containsAll(matchLabels.entrySet())
        && expressions.stream().allMatch(expression -> expression.matches(labels));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    matchLabels.forEach((key, value) -> parts.add(key + ": " + value));
    expressions.forEach(
        expression ->
            parts.add(
                expression.key()
                    + " "
                    + expression.operator()
                    + (expression.values().isEmpty()
                        ? ""
                        : " " + new java.util.TreeSet<>(expression.values()))));
    return "{" + String.join(", ", parts) + "}";
  }
}
