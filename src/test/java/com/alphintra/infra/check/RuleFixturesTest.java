package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the registry on its fixtures: {@code rules/<id>/pass/} yields no finding of the
 * rule, {@code rules/<id>/fail/} exactly the findings of {@code fail/expected.txt} ({@code
 * path:line message}). All rules run, so suppressions and the engine's own findings are exercised
 * as in a real run.
 */
class RuleFixturesTest {

  static Stream<String> ruleIds() {
    return RuleRegistry.builtIn().catalog().stream()
        .map(RuleInfo::id)
        .filter(id -> !RuleCatalogTest.WITHOUT_FIXTURES.contains(id));
  }

  @ParameterizedTest(name = "{0} pass")
  @MethodSource("ruleIds")
  void passTreeHasNoFindingOfTheRule(String id) {
    Path pass = Fixtures.rulesFolder().resolve(id).resolve("pass");

    assertThat(Fixtures.load(pass).loadErrors()).as("load errors of %s", pass).isEmpty();
    assertThat(Fixtures.findings(pass, id)).as("findings of %s in %s", id, pass).isEmpty();
  }

  @ParameterizedTest(name = "{0} fail")
  @MethodSource("ruleIds")
  void failTreeHasExactlyTheExpectedFindings(String id) throws IOException {
    Path fail = Fixtures.rulesFolder().resolve(id).resolve("fail");
    Path expected = fail.resolve("expected.txt");

    assertThat(Fixtures.load(fail).loadErrors()).as("load errors of %s", fail).isEmpty();
    assertThat(Fixtures.findings(fail, id))
        .as("findings of %s in %s", id, fail)
        .containsExactlyElementsOf(
            Files.readAllLines(expected).stream().filter(line -> !line.isBlank()).toList());
  }

  @ParameterizedTest(name = "{0} fail: every finding has a line")
  @MethodSource("ruleIds")
  void everyFindingPointsAtALine(String id) {
    Path fail = Fixtures.rulesFolder().resolve(id).resolve("fail");
    CheckReport report =
        new CheckEngine(RuleRegistry.builtIn()).run(Fixtures.load(fail), CheckOptions.all());

    assertThat(report.findings())
        .as("findings of %s without a line", fail)
        .filteredOn(finding -> finding.line() < 1)
        .isEmpty();
  }
}
