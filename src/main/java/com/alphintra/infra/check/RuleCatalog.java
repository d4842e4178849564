package com.alphintra.infra.check;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog of rules as {@code --list-rules} prints it and as docs/rules.md holds it. */
public final class RuleCatalog {

  private RuleCatalog() {}

  /** One line per rule: id, severity, title. */
  public static String text(Collection<RuleInfo> catalog) {
    int width = catalog.stream().mapToInt(info -> info.id().length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (RuleInfo info : catalog) {
      out.append(
          String.format(
              "%-" + width + "s  %-8s  %s%n", info.id(), info.severity().label(), info.title()));
    }
    return out.toString();
  }

  public static String json(Collection<RuleInfo> catalog) {
    List<Map<String, Object>> rules =
        catalog.stream()
            .map(
                info -> {
                  Map<String, Object> rule = new LinkedHashMap<>();
                  rule.put("id", info.id());
                  rule.put("title", info.title());
                  rule.put("severity", info.severity().label());
                  rule.put("target", info.target().prefix());
                  rule.put("rationale", info.rationale());
                  rule.put("remediation", info.remediation());
                  rule.put("references", info.references());
                  return rule;
                })
            .toList();
    return JsonText.of(Map.of("rules", rules));
  }

  /**
   * docs/rules.md: generated from the registry; {@code RulesDocTest} keeps the committed file in
   * sync.
   */
  public static String markdown(Collection<RuleInfo> catalog) {
    StringBuilder out = new StringBuilder();
    out.append("# alphintra check: rules\n\n")
        .append("<!-- Generated from RuleRegistry; do not edit. Regenerate with:\n")
        .append("     ./mvnw -q test -Dtest=RulesDocTest -Dalphintra.updateDocs=true -->\n\n")
        .append(
            "`alphintra check` runs these rules over `infra/`. Suppress one finding with a comment on or just")
        .append(
            " above its line:\n`# alphintra:ignore RULE-ID reason=\"why this is acceptable\"`.\n\n")
        .append("| id | severity | title |\n|---|---|---|\n");
    for (RuleInfo info : catalog) {
      out.append("| [")
          .append(info.id())
          .append("](#")
          .append(info.id())
          .append(") | ")
          .append(info.severity().label())
          .append(" | ")
          .append(info.title())
          .append(" |\n");
    }
    for (RuleInfo info : catalog) {
      out.append("\n## ")
          .append(info.id())
          .append("\n\n")
          .append("**")
          .append(info.title())
          .append("** (")
          .append(info.severity().label())
          .append(", ")
          .append(info.target().description())
          .append(")\n\n")
          .append(info.rationale())
          .append("\n\n")
          .append("Fix: ")
          .append(info.remediation())
          .append('\n');
      if (!info.references().isEmpty()) {
        out.append("\nReferences: ").append(String.join("; ", info.references())).append('\n');
      }
    }
    return out.toString();
  }
}
