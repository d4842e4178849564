package com.alphintra.infra.check;

import com.alphintra.infra.platform.Platform;
import java.util.List;

/**
 * A rule for engine tests: returns the given findings, or throws when given none and asked to fail.
 */
record FixedRule(RuleInfo info, List<Finding> findings, boolean fails) implements Rule {

  static RuleInfo info(String id, Severity severity) {
    return new RuleInfo(
        id,
        "Title of " + id,
        severity,
        Target.K8S,
        "Why it matters.",
        "Fix " + id + ".",
        List.of("kube-linter " + id));
  }

  static FixedRule returning(String id, Severity severity, Finding... findings) {
    return new FixedRule(info(id, severity), List.of(findings), false);
  }

  static FixedRule throwing(String id) {
    return new FixedRule(info(id, Severity.LOW), List.of(), true);
  }

  @Override
  public List<Finding> check(Platform platform) {
    if (fails) {
      throw new IllegalStateException("boom");
    }
    return findings;
  }
}
