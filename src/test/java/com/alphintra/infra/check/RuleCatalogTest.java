package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog polices itself: fixtures, ids, remediations (STYLE.md section 4). */
class RuleCatalogTest {

  /**
   * A rule failing cannot be staged by a fixture tree; CheckEngineTest covers it with a throwing
   * rule.
   */
  static final Set<String> WITHOUT_FIXTURES = Set.of("meta-internal-error");

  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

  private final RuleRegistry registry = RuleRegistry.builtIn();

  @Test
  void everyRuleHasAPassAndAFailFixtureWithExpectations() {
    List<String> missing = new ArrayList<>();
    for (RuleInfo info : registry.catalog()) {
      if (WITHOUT_FIXTURES.contains(info.id())) {
        continue;
      }
      Path folder = Fixtures.rulesFolder().resolve(info.id());
      for (String part : List.of("pass/infra", "fail/infra", "fail/expected.txt")) {
        if (!Files.exists(folder.resolve(part))) {
          missing.add(info.id() + ": src/test/resources/rules/" + info.id() + "/" + part);
        }
      }
    }
    assertThat(missing).as("rules without fixtures").isEmpty();
  }

  @Test
  void everyFixtureFolderBelongsToARule() throws IOException {
    try (Stream<Path> folders = Files.list(Fixtures.rulesFolder())) {
      List<String> orphans =
          folders
              .map(folder -> folder.getFileName().toString())
              .filter(id -> registry.find(id).isEmpty())
              .sorted()
              .toList();
      assertThat(orphans).as("fixture folders of no rule in RuleRegistry").isEmpty();
    }
  }

  @Test
  void idsAreKebabCaseAndStartWithTheirTarget() {
    for (RuleInfo info : registry.catalog()) {
      assertThat(info.id()).as("id").matches(KEBAB_CASE);
      assertThat(info.id())
          .as("id of a %s rule", info.target())
          .startsWith(info.target().prefix() + "-");
    }
  }

  @Test
  void everyRuleIsDescribed() {
    for (RuleInfo info : registry.catalog()) {
      assertThat(info.remediation()).as("remediation of %s", info.id()).endsWith(".");
      assertThat(info.title()).as("title of %s", info.id()).isNotBlank().doesNotEndWith(".");
      assertThat(info.rationale()).as("rationale of %s", info.id()).endsWith(".");
    }
  }

  @Test
  void everyCheckingRuleNamesTheCheckersItMatches() {
    for (Rule rule : registry.rules()) {
      assertThat(rule.info().references()).as("references of %s", rule.info().id()).isNotEmpty();
    }
  }

  @Test
  void aDuplicateIdIsRefused() {
    Rule first = new NamedRule("k8s-duplicate");
    Rule second = new NamedRule("k8s-duplicate");

    assertThatThrownBy(() -> new RuleRegistry(List.of(first, second)))
        .hasMessageContaining("two rules have the id k8s-duplicate");
  }

  private record NamedRule(String id) implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo(id, "A title", Severity.LOW, Target.K8S, "Why.", "Do it.", List.of());
    }

    @Override
    public List<Finding> check(Platform platform) {
      return List.of();
    }
  }
}
