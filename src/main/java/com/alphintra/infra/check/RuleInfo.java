package com.alphintra.infra.check;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is, for people and reporters: the catalog entry behind {@code --list-rules},
 * docs/rules.md and the SARIF {@code tool.driver.rules}.
 *
 * @param id kebab-case, starts with the target prefix, never renamed or reused ({@code
 *     gke-private-nodes})
 * @param title the good state in one line ("GKE nodes have no public IP addresses")
 * @param severity the severity of every finding of the rule
 * @param target what the rule looks at
 * @param rationale why the good state matters, in a sentence or two
 * @param remediation what to change, as an imperative sentence ending in a period
 * @param references the matching ids of other checkers ({@code checkov CKV_GCP_25}, {@code
 *     kube-linter run-as-non-root}) and documentation links
 */
public record RuleInfo(
    String id,
    String title,
    Severity severity,
    Target target,
    String rationale,
    String remediation,
    List<String> references) {

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(remediation, "remediation");
    references = List.copyOf(references);
  }
}
