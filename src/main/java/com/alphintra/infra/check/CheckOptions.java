package com.alphintra.infra.check;

import java.util.Optional;
import java.util.Set;

/**
 * How to run the rules.
 *
 * @param rules the rule ids to run; empty for all
 * @param skippedRules the rule ids not to run
 * @param threshold findings below it are neither shown nor failing
 * @param baseline findings accepted as they are
 */
public record CheckOptions(
    Set<String> rules, Set<String> skippedRules, Severity threshold, Optional<Baseline> baseline) {

  public CheckOptions {
    rules = Set.copyOf(rules);
    skippedRules = Set.copyOf(skippedRules);
  }

  public static CheckOptions all() {
    return new CheckOptions(Set.of(), Set.of(), Severity.LOW, Optional.empty());
  }

  public CheckOptions withBaseline(Baseline newBaseline) {
    return new CheckOptions(rules, skippedRules, threshold, Optional.of(newBaseline));
  }
}
