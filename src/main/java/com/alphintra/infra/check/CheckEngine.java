package com.alphintra.infra.check;

import com.alphintra.infra.platform.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every selected rule over a {@link Platform} and turns the findings into a {@link
 * CheckReport}: comments suppress, the baseline accepts, the threshold filters, and the result is
 * sorted. A rule that throws becomes a {@code meta-internal-error} finding; the other rules still
 * run. Pure: reads no file.
 */
public final class CheckEngine {

  private final RuleRegistry registry;

  public CheckEngine(RuleRegistry registry) {
    this.registry = registry;
  }

  public RuleRegistry registry() {
    return registry;
  }

  public CheckReport run(Platform platform, CheckOptions options) {
    Set<String> selected = registry.select(options.rules(), options.skippedRules());
    List<Finding> found = new ArrayList<>();
    for (Rule rule : registry.rules()) {
      if (selected.contains(rule.info().id())) {
        found.addAll(runOne(rule, platform, platform.renderedOverlays()));
      }
    }

    List<Suppression> suppressions = Suppressions.from(platform.comments());
    Map<String, Suppression> byPlace = new HashMap<>();
    suppressions.stream()
        .filter(s -> s.reason().isPresent())
        .forEach(s -> byPlace.putIfAbsent(place(s.file(), s.coveredLine(), s.rule()), s));
    Set<Suppression> used = new HashSet<>();
    List<Finding> unsuppressed = new ArrayList<>();
    for (Finding finding : found) {
      Suppression match = byPlace.get(place(finding.file(), finding.line(), finding.rule()));
      if (match == null
          && platform
              .helmAcceptance(finding.rule(), finding.file(), finding.object())
              .isPresent()) {
        continue;
      }
      if (match == null) {
        unsuppressed.add(finding);
      } else {
        used.add(match);
      }
    }
    int suppressed = found.size() - unsuppressed.size();
    unsuppressed.addAll(suppressionFindings(suppressions, used, selected));

    List<Finding> notAccepted =
        options.baseline().map(b -> b.withoutAccepted(unsuppressed)).orElse(unsuppressed);
    List<Finding> shown =
        notAccepted.stream()
            .filter(finding -> finding.severity().isAtLeast(options.threshold()))
            .sorted(Finding.ORDER)
            .toList();

    int baselined = unsuppressed.size() - notAccepted.size();
    List<String> notes = new ArrayList<>(platform.notes());
    options
        .baseline()
        .ifPresent(
            baseline -> {
              // An entry that accepts nothing any more was fixed (or moved): it would silently
              // accept its return.
              int stale = baseline.entries().size() - baselined;
              if (stale > 0) {
                notes.add(
                    stale
                        + (stale == 1 ? " baseline entry matches" : " baseline entries match")
                        + " no finding any more; write a fresh baseline with --write-baseline to drop "
                        + (stale == 1 ? "it" : "them"));
              }
            });
    List<RuleInfo> ran =
        registry.catalog().stream().filter(info -> selected.contains(info.id())).toList();
    return new CheckReport(
        platform.root(),
        shown,
        unsuppressed.stream().sorted(Finding.ORDER).toList(),
        ran,
        List.copyOf(registry.catalog()),
        suppressed,
        baselined,
        notAccepted.size() - shown.size(),
        options.threshold(),
        platform.files().size(),
        platform.loadErrors(),
        notes,
        Optional.empty());
  }

  private static String place(Path file, int line, String rule) {
    return file + ":" + line + ":" + rule;
  }

  private static List<Finding> runOne(Rule rule, Platform platform, Set<String> overlays) {
    try {
      return Finding.merge(rule.check(platform), overlays);
    } catch (RuntimeException | StackOverflowError e) {
      String why =
          e.getMessage() == null
              ? e.getClass().getName()
              : e.getClass().getName() + ": " + e.getMessage();
      return List.of(
          Finding.of(
              MetaRules.INTERNAL_ERROR,
              Path.of(""),
              0,
              rule.info().id(),
              "rule " + rule.info().id() + " failed and checked nothing: " + why));
    }
  }

  private List<Finding> suppressionFindings(
      List<Suppression> suppressions, Set<Suppression> used, Set<String> selected) {
    List<Finding> findings = new ArrayList<>();
    for (Suppression suppression : suppressions) {
      String object = "alphintra:ignore " + suppression.rule();
      if (suppression.reason().isEmpty()) {
        if (selected.contains(MetaRules.SUPPRESSION_REASON.id())) {
          findings.add(
              Finding.of(
                  MetaRules.SUPPRESSION_REASON,
                  suppression.file(),
                  suppression.commentLine(),
                  object,
                  "suppression of "
                      + suppression.rule()
                      + " has no reason=\"...\" and so suppresses nothing"));
        }
      } else if (!used.contains(suppression)
          && selected.contains(MetaRules.SUPPRESSION_UNUSED.id())) {
        if (registry.find(suppression.rule()).isEmpty()) {
          List<String> close = registry.closeMatches(suppression.rule());
          findings.add(
              Finding.of(
                  MetaRules.SUPPRESSION_UNUSED,
                  suppression.file(),
                  suppression.commentLine(),
                  object,
                  "suppression names unknown rule "
                      + suppression.rule()
                      + (close.isEmpty()
                          ? ""
                          : " (did you mean " + String.join(", ", close) + "?)")));
        } else if (selected.contains(suppression.rule())) {
          findings.add(
              Finding.of(
                  MetaRules.SUPPRESSION_UNUSED,
                  suppression.file(),
                  suppression.commentLine(),
                  object,
                  "suppression of "
                      + suppression.rule()
                      + " matches no finding on line "
                      + suppression.coveredLine()));
        }
      }
    }
    return findings;
  }
}
