package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the registry; this keeps the committed file in sync. */
class RulesDocTest {

  static final String REGENERATE = "./mvnw -q test -Dtest=RulesDocTest -Dalphintra.updateDocs=true";

  @Test
  void docsRulesMdMatchesTheRegistry() throws IOException {
    Path doc = Path.of("docs/rules.md");
    String generated = RuleCatalog.markdown(RuleRegistry.builtIn().catalog());
    if (Boolean.getBoolean("alphintra.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, generated);
    }
    String committed = Files.exists(doc) ? Files.readString(doc) : "";
    assertThat(committed)
        .withFailMessage(
            "docs/rules.md is out of date with RuleRegistry; regenerate it with:%n  %s", REGENERATE)
        .isEqualTo(generated);
  }
}
