package com.alphintra.infra.check.rules.gke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule found in each evaluation context of a resource, gathered so that each outcome is
 * reported once with the contexts it holds in, worded as {@link
 * com.alphintra.infra.platform.TerraformValue#where()} words it.
 *
 * @param <K> an outcome: a value, or a description of one
 */
final class Outcomes<K> {

  private final int contextCount;
  private final Map<K, Set<String>> contexts = new LinkedHashMap<>();

  /**
   * @param contextCount how many contexts the resource is evaluated in, so "everywhere" can be told
   *     apart
   */
  Outcomes(int contextCount) {
    this.contextCount = contextCount;
  }

  void add(K outcome, String context) {
    contexts.computeIfAbsent(outcome, key -> new LinkedHashSet<>()).add(context);
  }

  /** Each outcome with where it holds, in the order first seen. */
  List<Outcome<K>> all() {
    List<Outcome<K>> all = new ArrayList<>();
    contexts.forEach(
        (outcome, names) ->
            all.add(
                new Outcome<>(
                    outcome,
                    names.size() >= contextCount ? "" : " (in " + String.join(", ", names) + ")")));
    return all;
  }

  /**
   * @param value the outcome
   * @param where empty when it holds in every context, else {@code " (in dev, prod)"}
   */
  record Outcome<K>(K value, String where) {}
}
