package com.alphintra.infra.check;

import java.util.List;

/** The engine's own catalog entries: findings about suppressions and about rules that failed. */
final class MetaRules {

  static final RuleInfo SUPPRESSION_REASON =
      new RuleInfo(
          "meta-suppression-reason",
          "Every suppression says why",
          Severity.MEDIUM,
          Target.META,
          "A finding accepted without a reason cannot be reviewed later; the reason is what makes it a decision.",
          "Add reason=\"...\" to the alphintra:ignore comment, or fix the finding and remove the comment.",
          List.of());

  static final RuleInfo SUPPRESSION_UNUSED =
      new RuleInfo(
          "meta-suppression-unused",
          "Every suppression suppresses a finding",
          Severity.LOW,
          Target.META,
          "A suppression that matches nothing (the finding was fixed, moved or the rule id is wrong) hides the next"
              + " real finding on that line and misleads readers.",
          "Remove the alphintra:ignore comment, or correct its rule id and place it on or just above the finding's"
              + " line.",
          List.of());

  static final RuleInfo INTERNAL_ERROR =
      new RuleInfo(
          "meta-internal-error",
          "Every rule runs to completion",
          Severity.HIGH,
          Target.META,
          "A rule that fails says nothing about the property it checks, so its silence must not pass for a clean"
              + " result.",
          "Report the message to the platform infrastructure team, and run with --skip-rule for that rule meanwhile.",
          List.of());

  static final List<RuleInfo> ALL = List.of(SUPPRESSION_REASON, SUPPRESSION_UNUSED, INTERNAL_ERROR);

  private MetaRules() {}
}
