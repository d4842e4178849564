package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.platform.SourceComment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckEngineTest {

  private static final Path FILE = Path.of("infra/kubernetes/base/api.yaml");

  private static Finding finding(String rule, Severity severity, int line, String message) {
    return new Finding(rule, severity, FILE, line, "Deployment api", message);
  }

  @Test
  void aThrowingRuleBecomesAnInternalErrorFindingAndTheOthersStillRun() {
    Finding real = finding("k8s-a", Severity.HIGH, 3, "bad");
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.throwing("k8s-broken"),
                    FixedRule.returning("k8s-a", Severity.HIGH, real))));

    CheckReport report = engine.run(TestPlatforms.empty(), CheckOptions.all());

    assertThat(report.findings())
        .extracting(Finding::rule)
        .containsExactly("meta-internal-error", "k8s-a");
    assertThat(report.findings().get(0).message())
        .isEqualTo(
            "rule k8s-broken failed and checked nothing: java.lang.IllegalStateException: boom");
  }

  @Test
  void findingsAreSortedByFileLineAndRule() {
    Finding late = new Finding("k8s-a", Severity.LOW, Path.of("infra/z.yaml"), 1, "x", "late");
    Finding second = finding("k8s-b", Severity.LOW, 9, "second");
    Finding first = finding("k8s-a", Severity.LOW, 2, "first");
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.returning("k8s-a", Severity.LOW, late, first),
                    FixedRule.returning("k8s-b", Severity.LOW, second))));

    assertThat(engine.run(TestPlatforms.empty(), CheckOptions.all()).findings())
        .extracting(Finding::message)
        .containsExactly("first", "second", "late");
  }

  @Test
  void findingsBelowTheThresholdAreNeitherShownNorCounted() {
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.returning(
                        "k8s-low", Severity.LOW, finding("k8s-low", Severity.LOW, 1, "low")),
                    FixedRule.returning(
                        "k8s-high",
                        Severity.HIGH,
                        finding("k8s-high", Severity.HIGH, 2, "high")))));

    CheckReport report =
        engine.run(
            TestPlatforms.empty(),
            new CheckOptions(Set.of(), Set.of(), Severity.MEDIUM, Optional.empty()));

    assertThat(report.findings()).extracting(Finding::message).containsExactly("high");
    assertThat(report.belowThreshold()).isEqualTo(1);
  }

  @Test
  void onlyAndSkipSelectRules() {
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.returning(
                        "k8s-a", Severity.LOW, finding("k8s-a", Severity.LOW, 1, "a")),
                    FixedRule.returning(
                        "k8s-b", Severity.LOW, finding("k8s-b", Severity.LOW, 2, "b")))));

    assertThat(
            engine
                .run(
                    TestPlatforms.empty(),
                    new CheckOptions(Set.of("k8s-a"), Set.of(), Severity.LOW, Optional.empty()))
                .findings())
        .extracting(Finding::rule)
        .containsExactly("k8s-a");
    assertThat(
            engine
                .run(
                    TestPlatforms.empty(),
                    new CheckOptions(Set.of(), Set.of("k8s-a"), Severity.LOW, Optional.empty()))
                .findings())
        .extracting(Finding::rule)
        .containsExactly("k8s-b");
  }

  @Test
  void anUnknownRuleIdIsAnInputErrorNamingCloseMatches() {
    CheckEngine engine = new CheckEngine(RuleRegistry.builtIn());

    assertThatThrownBy(
            () ->
                engine.run(
                    TestPlatforms.empty(),
                    new CheckOptions(
                        Set.of("k8s-run-as-nonroot"), Set.of(), Severity.LOW, Optional.empty())))
        .isInstanceOf(InputException.class)
        .hasMessage("unknown rule id 'k8s-run-as-nonroot'")
        .extracting(e -> ((InputException) e).hint())
        .asString()
        .contains("did you mean k8s-run-as-non-root?");
  }

  @Test
  void aSuppressionWithAReasonOnTheLineAboveSuppressesAndIsCounted() {
    Map<Path, List<SourceComment>> comments =
        Map.of(
            FILE,
            List.of(
                new SourceComment(1, "alphintra:ignore k8s-a reason=\"accepted: legacy\"", true),
                new SourceComment(2, "more words about it", true)));
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.returning(
                        "k8s-a", Severity.HIGH, finding("k8s-a", Severity.HIGH, 3, "bad")))));

    CheckReport report = engine.run(TestPlatforms.withComments(comments), CheckOptions.all());

    assertThat(report.findings()).isEmpty();
    assertThat(report.suppressed()).isEqualTo(1);
  }

  @Test
  void aTrailingSuppressionCoversItsOwnLineOnly() {
    Map<Path, List<SourceComment>> comments =
        Map.of(FILE, List.of(new SourceComment(3, "alphintra:ignore k8s-a reason=\"ok\"", false)));
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    FixedRule.returning(
                        "k8s-a",
                        Severity.HIGH,
                        finding("k8s-a", Severity.HIGH, 3, "on the line"),
                        finding("k8s-a", Severity.HIGH, 4, "below")))));

    assertThat(engine.run(TestPlatforms.withComments(comments), CheckOptions.all()).findings())
        .extracting(Finding::message)
        .containsExactly("below");
  }

  @Test
  void aSuppressionOfASkippedRuleIsNotReportedUnused() {
    Map<Path, List<SourceComment>> comments =
        Map.of(FILE, List.of(new SourceComment(3, "alphintra:ignore k8s-a reason=\"ok\"", false)));
    CheckEngine engine =
        new CheckEngine(new RuleRegistry(List.of(FixedRule.returning("k8s-a", Severity.HIGH))));

    assertThat(
            engine
                .run(
                    TestPlatforms.withComments(comments),
                    new CheckOptions(Set.of(), Set.of("k8s-a"), Severity.LOW, Optional.empty()))
                .findings())
        .isEmpty();
    assertThat(engine.run(TestPlatforms.withComments(comments), CheckOptions.all()).findings())
        .extracting(Finding::rule)
        .containsExactly("meta-suppression-unused");
  }

  @Test
  void theBaselineAcceptsEachListedFindingOnce() {
    Finding one = finding("k8s-a", Severity.HIGH, 3, "same");
    Finding two = finding("k8s-a", Severity.HIGH, 7, "same");
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(List.of(FixedRule.returning("k8s-a", Severity.HIGH, one, two))));
    Baseline baseline = Baseline.of(List.of(one));

    CheckReport report =
        engine.run(TestPlatforms.empty(), CheckOptions.all().withBaseline(baseline));

    assertThat(report.findings()).hasSize(1);
    assertThat(report.baselined()).isEqualTo(1);
  }

  @Test
  void baselineEntriesThatMatchNothingAnyMoreAreNoted() {
    Finding fixed = finding("k8s-a", Severity.HIGH, 3, "fixed since");
    CheckEngine engine =
        new CheckEngine(new RuleRegistry(List.of(FixedRule.returning("k8s-a", Severity.HIGH))));

    CheckReport report =
        engine.run(
            TestPlatforms.empty(), CheckOptions.all().withBaseline(Baseline.of(List.of(fixed))));

    assertThat(report.findings()).isEmpty();
    assertThat(report.notes())
        .containsExactly(
            "1 baseline entry matches no finding any more; write a fresh baseline with --write-baseline to drop it");
  }

  @Test
  void aBaselineThatAcceptsEverythingItListsAddsNoNote() {
    Finding one = finding("k8s-a", Severity.HIGH, 3, "same");
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(List.of(FixedRule.returning("k8s-a", Severity.HIGH, one))));

    CheckReport report =
        engine.run(
            TestPlatforms.empty(), CheckOptions.all().withBaseline(Baseline.of(List.of(one))));

    assertThat(report.notes()).isEmpty();
  }
}
